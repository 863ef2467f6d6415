using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (persisted in its instance state) and ends when
/// that stack completes or is cancelled. Override <see cref="OnContinueDialogAsync"/> to intercept the
/// user's messages before the active inner dialog sees them (help, cancel, "talk to a person").
/// </summary>
public class ComponentDialog : Dialog
{
    /// <summary>The key of the inner dialog stack in this dialog's instance state.</summary>
    public const string InnerStateKey = "dialogs";

    public ComponentDialog(string id)
        : base(id)
    {
    }

    /// <summary>The inner dialogs; prompts used by the inner dialogs are registered here too.</summary>
    protected DialogSet Dialogs { get; } = new();

    /// <summary>The dialog begun first; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Registers an inner dialog (during construction only).</summary>
    protected ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>Changes whenever any inner dialog changes, so stored inner stacks are never run against new steps.</summary>
    public override string GetVersion() => $"{Id}:{Dialogs.GetVersion()}";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc.Context, dc.ActiveDialog!, dc);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await EndIfDoneAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc.Context, dc.ActiveDialog!, dc);
        var result = await OnContinueDialogAsync(inner, cancellationToken);
        return await EndIfDoneAsync(dc, result, cancellationToken);
    }

    /// <summary>
    /// Only reached if something was pushed on the outer stack above the component (unusual): the inner
    /// dialog asks again, as the user's last answer went to that other dialog.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        CreateInnerContext(turnContext, instance, null).RepromptDialogAsync(cancellationToken);

    /// <summary>On cancel, the inner stack is cancelled too so its dialogs' end hooks run.</summary>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            await CreateInnerContext(turnContext, instance, null).CancelAllDialogsAsync(cancellationToken);
        }
    }

    /// <summary>Begins <see cref="InitialDialogId"/> with the component's options.</summary>
    /// <exception cref="InvalidOperationException">The component has no dialogs.</exception>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs to begin.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>The interruption hook: runs before the active inner dialog sees the message. By default just continues.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Ends the component when its inner stack is done; a cancelled inner stack ends it with no result.</summary>
    private static Task<DialogTurnResult> EndIfDoneAsync(DialogContext outerDc, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status switch
        {
            DialogTurnStatus.Waiting => Task.FromResult(EndOfTurn),
            DialogTurnStatus.Complete => outerDc.EndDialogAsync(inner.Result, cancellationToken),
            _ => outerDc.EndDialogAsync(null, cancellationToken),
        };

    /// <summary>
    /// Wraps the inner stack kept in the instance. The state object read here stays in the instance's bag,
    /// so the inner context's changes are what gets persisted.
    /// </summary>
    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? outer)
    {
        var state = instance.GetValue<DialogState>(InnerStateKey) ?? new DialogState();
        instance.State[InnerStateKey] = state;
        return new DialogContext(Dialogs, turnContext, state, outer);
    }
}
