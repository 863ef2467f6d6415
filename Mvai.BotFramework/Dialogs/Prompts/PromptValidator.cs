namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Decides whether an answer is acceptable. It may change <c>Recognized.Value</c>, accept unrecognised input,
/// or send its own message (then the prompt does not send its retry).
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
