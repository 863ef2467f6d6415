namespace Mvai.BotFramework.Dialogs;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: no dialog handled the turn.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next activity.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; its result is in <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}
