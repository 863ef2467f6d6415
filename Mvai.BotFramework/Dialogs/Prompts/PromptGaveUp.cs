namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// The result of a prompt that reached <see cref="PromptOptions.MaxAttempts"/> without a valid answer;
/// the calling step checks <c>stepContext.Result is PromptGaveUp</c>.
/// </summary>
/// <param name="PromptId">The prompt that gave up.</param>
/// <param name="AttemptCount">How many answers it received.</param>
/// <param name="LastText">The user's last message, for a handoff transcript.</param>
public sealed record PromptGaveUp(string PromptId, int AttemptCount, string? LastText);
