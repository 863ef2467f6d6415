using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>
/// One question of the intake: how to ask it, how to store the answer, how to show and clear it.
/// A field that already has an answer is skipped, which is how prefilled answers and "change one
/// field" both work: clear the field, run the questions again, and only that one is asked.
/// </summary>
internal sealed record IntakeField(
    string Name,
    string Label,
    string Question,
    Func<AssistanceRequest, bool> IsAnswered,
    Action<AssistanceRequest> Clear,
    Func<AssistanceRequest, string?> Display,
    Func<string, Dialog> CreatePrompt,
    Func<ITurnContext, PromptOptions> Options,
    Action<AssistanceRequest, object?> Apply)
{
    /// <summary>Invalid answers tolerated before the intake stops and an advisor is offered.</summary>
    public const int MaxAttempts = 3;

    public string PromptId => "intake." + Name;
}
