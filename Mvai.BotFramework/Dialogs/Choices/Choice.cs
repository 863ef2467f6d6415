using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>One option offered to the user.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value) => Value = value;

    /// <summary>The value returned when chosen, also the button title unless <see cref="Action"/> says otherwise.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button to render instead of the default imBack of <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words that pick this choice ("victim support" for "Victim and family services").</summary>
    public IList<string>? Synonyms { get; set; }
}
