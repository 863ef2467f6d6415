using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Assistant;

internal sealed partial class MvaiAssistantBot
{
    /// <summary>
    /// Teams' thumbs: Teams wants 200 with an empty JSON object (any other body is an error to it); a payload that is
    /// not a feedback action is answered 400 with the reason, and changes nothing.
    /// </summary>
    private async Task OnTeamsFeedbackAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!FeedbackPayloads.TryReadTeams(activity, out var submission, out var problem))
        {
            feedback.RefuseMalformed(activity, problem);
            await turnContext.SendInvokeResponseAsync(new InvokeResponse(400, new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = $"Not a feedback action the assistant understands: {problem}." },
            }), cancellationToken);
            return;
        }
        await turnContext.SendInvokeResponseAsync(new InvokeResponse(200, new JsonObject()), cancellationToken);
        await StoreFeedbackAsync(turnContext, submission, cancellationToken);
    }

    /// <summary>Web Chat's thumbs: an event, so anything unreadable is simply ignored (events always get 200).</summary>
    private async Task OnWebChatFeedbackAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (FeedbackPayloads.TryReadWebChat(turnContext.Activity, out var submission))
        {
            await StoreFeedbackAsync(turnContext, submission, cancellationToken);
            return;
        }
        feedback.RefuseMalformed(turnContext.Activity, "no entity is a thumb of an answer");
    }

    /// <summary>
    /// Stores the thumb and thanks the user, except inside a form, a triage or a handoff: there a message would push the
    /// question (and in Web Chat its buttons) out of view, so the pressed thumb is the only acknowledgement.
    /// </summary>
    private async Task StoreFeedbackAsync(ITurnContext turnContext, FeedbackSubmission submission, CancellationToken cancellationToken)
    {
        if (!await feedback.StoreAsync(turnContext.Activity, submission, cancellationToken))
        {
            return;
        }
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        if (dc.ActiveDialog is not null || await _handoffCase.GetAsync(turnContext, cancellationToken: cancellationToken) is not null)
        {
            return;
        }
        await turnContext.SendActivityAsync(
            submission.Reaction == FeedbackReaction.Like ? AssistantMessages.FeedbackThanks : AssistantMessages.FeedbackSorry, cancellationToken);
    }
}
