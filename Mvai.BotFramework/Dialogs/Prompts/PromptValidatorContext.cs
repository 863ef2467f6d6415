using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt validator sees: the recognised answer, the attempt number, the options and the turn.</summary>
public sealed class PromptValidatorContext<T>(
    ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    /// <summary>The prompt instance's persisted state, for validators that remember across attempts.</summary>
    public IDictionary<string, object?> State { get; } = state;

    public PromptOptions Options { get; } = options;

    /// <summary>1 for the first answer, counting every answer including this one.</summary>
    public int AttemptCount { get; } = attemptCount;
}
