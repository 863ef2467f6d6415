using Mvai.BotFramework.Builder;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.Dialogs;

/// <summary>Runs a root dialog for one turn.</summary>
public static class DialogExtensions
{
    /// <inheritdoc cref="RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, Func{ITurnContext, CancellationToken, Task}?, CancellationToken)"/>
    public static Task<DialogTurnResult> RunAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default) =>
        dialog.RunAsync(turnContext, accessor, null, cancellationToken);

    /// <summary>
    /// Continues the stored stack with the turn's activity, or begins <paramref name="dialog"/> when the stack is
    /// empty. When the stored stack was started by another version of the dialogs (or names a dialog that no
    /// longer exists) it is dropped first: <paramref name="onVersionChanged"/> runs (e.g. to apologise) and the
    /// root begins afresh, and the result says <see cref="DialogTurnResult.VersionChanged"/>.
    /// Saving the state is left to the caller (the auto-save middleware or the test harness).
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        Func<ITurnContext, CancellationToken, Task>? onVersionChanged,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        var dc = await new DialogSet(accessor).Add(dialog).CreateContextAsync(turnContext, cancellationToken);

        var stale = dc.DropStaleDialogs();
        if (stale)
        {
            if (onVersionChanged is not null)
            {
                await onVersionChanged(turnContext, cancellationToken);
            }
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }
        return stale ? result with { VersionChanged = true } : result;
    }
}
