using Mvai.BotFramework.Dialogs;

namespace Mvai.Bot.Tests.Dialogs.Testing;

/// <summary>A component made of the given dialogs; the first one is begun.</summary>
public sealed class TestComponent : ComponentDialog
{
    public TestComponent(string id, params Dialog[] dialogs)
        : base(id)
    {
        foreach (var dialog in dialogs)
        {
            AddDialog(dialog);
        }
    }
}
