namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt's recogniser made of the user's activity.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    /// <summary>The recognised value; a validator may replace it.</summary>
    public T? Value { get; set; }

    /// <summary>Nothing recognised.</summary>
    public PromptRecognizerResult()
    {
    }

    /// <summary>Recognised <paramref name="value"/>.</summary>
    public PromptRecognizerResult(T value)
    {
        Succeeded = true;
        Value = value;
    }
}
