namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>The choice the user picked.</summary>
/// <param name="Value">The choice's value.</param>
/// <param name="Index">Its zero-based position in the list.</param>
/// <param name="Score">How complete the match was, from 0 to 1 (1 for exact, ordinal and index matches).</param>
public sealed record FoundChoice(string Value, int Index, double Score);
