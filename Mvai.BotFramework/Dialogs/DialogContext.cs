using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs;

/// <summary>One dialog stack during one turn, and the operations that move it.</summary>
public sealed class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }
    public ITurnContext Context { get; }
    public DialogState State { get; }

    /// <summary>The context of the component that owns this stack, where dialog lookups continue.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, top at index 0.</summary>
    public IList<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Finds a dialog in this set, then in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a new instance of the dialog and begins it.</summary>
    /// <exception cref="InvalidOperationException">No dialog with that id is registered here or in a parent.</exception>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Cannot begin '{dialogId}': no dialog with that id is registered in this set or its parents.");
        Stack.Insert(0, new DialogInstance { Id = dialogId, Version = dialog.GetVersion() });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Begins a prompt; the same as <see cref="BeginDialogAsync"/> with typed options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, Prompts.PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Hands the turn's activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null
            ? Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty))
            : GetDialog(active).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>, or completes the stack.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        var parent = ActiveDialog;
        return parent is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await GetDialog(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends the active dialog without resuming its parent and begins another in its place (the loop idiom).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends every dialog on this stack, top first; <see cref="DialogTurnStatus.Empty"/> when there was none.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }
        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to re-send its question.</summary>
    /// <summary>
    /// Drops the stack when any stored instance belongs to a dialog that no longer exists or has changed version
    /// since it was stored. Instances are not ended through their hooks: their dialogs may be gone, or may not
    /// understand the old state, which is the crash this avoids. Returns whether anything was dropped.
    /// </summary>
    public bool DropStaleDialogs()
    {
        if (!Stack.Any(i => FindDialog(i.Id) is not { } current || current.GetVersion() != i.Version))
        {
            return false;
        }
        Stack.Clear();
        return true;
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null ? Task.CompletedTask : GetDialog(active).RepromptDialogAsync(Context, active, cancellationToken);
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return;
        }
        // The hook runs first so a component can still reach its inner stack, then the instance is popped.
        var dialog = FindDialog(active.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        }
        Stack.RemoveAt(0);
    }

    private Dialog GetDialog(DialogInstance instance) => FindDialog(instance.Id)
        ?? throw new InvalidOperationException($"The stack holds '{instance.Id}', but no dialog with that id is registered.");
}
