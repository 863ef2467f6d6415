using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Dialogs.Testing;

/// <summary>
/// CoreBot's CancelAndHelpDialog pattern: a two-question form whose component intercepts the whole
/// utterances "help"/"?" (explain and re-ask) and "cancel" (end with no result).
/// </summary>
public sealed class HelpAndCancelComponent : ComponentDialog
{
    public const string HelpText = "I need your name and your town.";
    public const string CancelledText = "Cancelled.";
    public const string NameQuestion = "What's your name?";
    public const string TownQuestion = "Which town?";
    public const string TownRetry = "Please tell me the town.";

    public HelpAndCancelComponent()
        : base("form")
    {
        AddDialog(new WaterfallDialog("questions", [AskNameStepAsync, AskTownStepAsync, FinishStepAsync]));
        AddDialog(new TextPrompt("text"));
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToUpperInvariant())
        {
            case "HELP" or "?":
                await innerDc.Context.SendActivityAsync(HelpText, cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            case "CANCEL":
                await innerDc.Context.SendActivityAsync(CancelledText, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage(NameQuestion) }, cancellationToken);

    private static Task<DialogTurnResult> AskTownStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.SetValue("name", step.Result);
        return step.PromptAsync(
            "text",
            new PromptOptions
            {
                Prompt = Activity.CreateMessage(TownQuestion),
                RetryPrompt = Activity.CreateMessage(TownRetry),
            },
            cancellationToken);
    }

    private static Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync($"{step.GetValue<string>("name")} from {step.Result}", cancellationToken);
}
