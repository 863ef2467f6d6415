namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>How choices are shown with a prompt.</summary>
public enum ListStyle
{
    /// <summary>Suggested actions if the channel has them, else a hero card, else inline text.</summary>
    Auto,

    /// <summary>Nothing is added; the prompt text lists the options itself.</summary>
    None,

    /// <summary>"Pick one: 1. A, 2. B" in the text.</summary>
    Inline,

    /// <summary>One numbered option per line.</summary>
    List,

    SuggestedAction,

    HeroCard,
}
