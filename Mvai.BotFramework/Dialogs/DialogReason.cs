namespace Mvai.BotFramework.Dialogs;

/// <summary>Why a dialog hook is being called.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
