using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// A unit of conversation that can be pushed on a dialog stack. Dialogs hold no per-conversation fields:
/// everything a conversation needs lives in its <see cref="DialogInstance"/>, so one dialog object serves
/// every conversation.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result of a dialog that waits for the user's next activity.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    /// <exception cref="ArgumentException">The id is empty.</exception>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The id the dialog is registered and persisted under.</summary>
    public string Id { get; }

    /// <summary>
    /// A string that changes when the dialog changes shape in a way that breaks stored instances
    /// (by default the id). A stored instance with another version is dropped by <c>RunAsync</c> (<see cref="DialogExtensions"/>).
    /// </summary>
    public virtual string GetVersion() => Id;

    /// <summary>Called when the dialog is pushed; <paramref name="options"/> are whatever the caller passed.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Called with the user's next activity while the dialog is on top. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog ended and this one is on top again. By default the dialog ends with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again (e.g. after an interruption). By default does nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called as the instance leaves the stack (ended, replaced or cancelled). By default does nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
