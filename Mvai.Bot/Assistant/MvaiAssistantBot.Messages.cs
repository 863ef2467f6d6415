using Mvai.Bot.Answering;
using Mvai.Bot.BotFramework.Dialogs;
using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Assistant;

internal sealed partial class MvaiAssistantBot
{
    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        activity.Text = activity.RemoveRecipientMention();
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        var now = clock.GetUtcNow();
        var lastSeen = await _lastSeen.GetAsync(turnContext, cancellationToken: cancellationToken);
        await _lastSeen.SetAsync(turnContext, now, cancellationToken);

        // Safety before anything else, even mid-intake: a live threat or a person in crisis is answered at once.
        if (safety.Screen(activity.Text ?? string.Empty) is { Kind: SafetyKind.ActiveThreat or SafetyKind.Distress } urgent)
        {
            await turnContext.SendActivityAsync(urgent.Reply, cancellationToken);
            if (urgent.Kind == SafetyKind.Distress)
            {
                await _wantsAdvisor.SetAsync(turnContext, true, cancellationToken);
            }
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            if (lastSeen is { } seen && now - seen > ResumeAfter)
            {
                await turnContext.SendActivityAsync(IntakeMessages.WelcomeBack, cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return;
            }
            await OnDialogTurnAsync(turnContext, await dc.ContinueDialogAsync(cancellationToken), cancellationToken);
            return;
        }
        await RouteAsync(turnContext, dc, cancellationToken);
    }

    private async Task RouteAsync(ITurnContext turnContext, DialogContext dc, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(AssistantMessages.EmptyMessage, cancellationToken);
            return;
        }
        if (ReferenceNumbers.Find(text) is { } reference)
        {
            await SendStatusAsync(turnContext, reference, cancellationToken);
            return;
        }
        if (IntakeUtterances.IsHandoff(IntakeUtterances.Normalize(text)))
        {
            await _wantsAdvisor.SetAsync(turnContext, true, cancellationToken);
            await turnContext.SendActivityAsync(AssistantMessages.HandoffNoted, cancellationToken);
            return;
        }
        if (AssistantIntents.IsContinue(text) && await _draft.GetAsync(turnContext, cancellationToken: cancellationToken) is { } draft)
        {
            await OnDialogTurnAsync(turnContext, await dc.BeginDialogAsync(nameof(IntakeDialog), draft, cancellationToken), cancellationToken);
            return;
        }
        if (text == AssistantMessages.RequestAssistance || AssistantIntents.IsRequestForHelp(text))
        {
            var localNow = (turnContext.Activity.LocalTimestamp ?? clock.GetUtcNow()).DateTime;
            var known = IntakePrefill.Extract(text, localNow);
            await turnContext.SendActivityAsync(IntakeMessages.Start, cancellationToken);
            await OnDialogTurnAsync(turnContext, await dc.BeginDialogAsync(nameof(IntakeDialog), known, cancellationToken), cancellationToken);
            return;
        }
        if (AssistantIntents.IsGreeting(text))
        {
            await turnContext.SendActivityAsync(AssistantMessages.Fallback, cancellationToken);
            return;
        }
        if (text == AssistantMessages.AskQuestion)
        {
            await turnContext.SendActivityAsync(AssistantMessages.AskYourQuestion, cancellationToken);
            return;
        }
        var answer = await answerer.AnswerAsync(text, cancellationToken);
        await turnContext.SendActivityAsync(AnswerRenderer.Render(answer, turnContext.Activity), cancellationToken);
    }

    private async Task OnDialogTurnAsync(ITurnContext turnContext, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status != DialogTurnStatus.Complete || result.Result is not IntakeOutcome outcome)
        {
            return;
        }
        if (outcome.Kind == IntakeOutcomeKind.ActiveScene)
        {
            await _draft.SetAsync(turnContext, outcome.Request, cancellationToken);
            return;
        }
        await _draft.DeleteAsync(turnContext, cancellationToken);
        if (outcome.Kind == IntakeOutcomeKind.GaveUp || outcome.Request.WantsAdvisorContact)
        {
            await _wantsAdvisor.SetAsync(turnContext, true, cancellationToken);
        }
    }

    /// <summary>Answers only to the conversation or user that made the request, so references cannot be probed.</summary>
    private async Task SendStatusAsync(ITurnContext turnContext, string reference, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var stored = await requests.FindAsync(reference, cancellationToken);
        var isOwn = stored is not null && stored.ChannelId == activity.ChannelId
            && (stored.ConversationId == activity.Conversation?.Id || stored.UserId == activity.From?.Id);
        await turnContext.SendActivityAsync(
            isOwn ? AssistantMessages.Status(stored!.Reference, StatusText(stored.Status), stored.SubmittedAt) : AssistantMessages.StatusNotFound,
            cancellationToken);
    }

    private static string StatusText(RequestStatus status) => status switch
    {
        RequestStatus.New => "received and waiting for the MVAI team to review it",
        RequestStatus.Acknowledged => "acknowledged by the MVAI team",
        RequestStatus.Assigned => "assigned to a peer advisor, who will contact you",
        _ => "closed",
    };

    /// <summary>The dialog stack for this turn; a stack left by an older version of the intake is dropped politely.</summary>
    private async Task<DialogContext> CreateDialogContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await new DialogSet(_dialogState).Add(intake).CreateContextAsync(turnContext, cancellationToken);
        if (dc.DropStaleDialogs())
        {
            await turnContext.SendActivityAsync(IntakeMessages.VersionRestart, cancellationToken);
        }
        return dc;
    }
}
