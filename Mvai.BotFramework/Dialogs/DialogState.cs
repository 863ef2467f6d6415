namespace Mvai.BotFramework.Dialogs;

/// <summary>The persisted dialog stack of one conversation (or of one component), top of the stack at index 0.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
