namespace Mvai.BotFramework.Dialogs;

/// <summary>What a dialog operation did to the stack, and the result of a dialog that ended.</summary>
/// <param name="Status">Where the stack stands.</param>
/// <param name="Result">The ending dialog's result, when <paramref name="Status"/> is <see cref="DialogTurnStatus.Complete"/>.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>
    /// Set by <c>RunAsync</c> (<see cref="DialogExtensions"/>) when the stored stack was dropped because the dialogs
    /// changed since it was saved (new deployment), so the turn restarted the root dialog from the top.
    /// </summary>
    public bool VersionChanged { get; init; }
}
