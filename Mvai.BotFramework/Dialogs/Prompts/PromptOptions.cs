using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt asks and how; persisted with the prompt instance as plain JSON.</summary>
public sealed class PromptOptions
{
    /// <summary>The question, sent when the prompt begins, is resumed or reprompted.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an invalid answer; <see cref="Prompt"/> is sent when this is null.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a choice prompt.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>How choices are rendered; null means the prompt's default.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Extra data for the validator (e.g. the allowed range), plain JSON once reloaded.</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// After this many answers that were not valid the prompt stops asking and ends with
    /// <see cref="PromptGaveUp"/>, so the caller can offer a person. Null keeps asking forever.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
