using Mvai.Bot.Operations.Background;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Llm;

namespace Mvai.Bot.Answering;

/// <summary>
/// Answers a question from the guidance. Teams retries a turn that takes longer than about 15 s, so when the
/// answer comes from a language model (seconds, sometimes many) and Teams is waiting on the request, the
/// turn only shows typing and ends; the answer is prepared off the request and sent into the conversation
/// proactively from the background work queue (which logs a failure, redacted). Everywhere else (offline answers,
/// expectReplies, Web Chat), and when the queue is full or the app stopping, it is answered within the turn.
/// </summary>
internal sealed class GuidanceReplies(IGuidanceAnswerer answerer, IServiceProvider services, IBackgroundWorkQueue queue)
{
    private const string LateAnswerWork = "late guidance answer";

    public Task SendAnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        SendAnswerAsync(turnContext, question, static (_, _, _) => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Sends the answer, then runs <paramref name="afterAnswer"/> in the turn that sent it: this one, or the
    /// proactive turn that delivers it later (whose state is saved like any other turn's).
    /// </summary>
    public async Task SendAnswerAsync(
        ITurnContext turnContext, string question, Func<ITurnContext, GuidanceAnswer, CancellationToken, Task> afterAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(afterAnswer);
        var activity = turnContext.Activity;
        if (MayTakeLong(activity))
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            var reference = activity.GetConversationReference();
            if (queue.TryEnqueue(LateAnswerWork, ct => AnswerLaterAsync(reference, question, afterAnswer, ct)))
            {
                return;
            }
        }
        var answer = await answerer.AnswerAsync(question, cancellationToken);
        await turnContext.SendActivityAsync(AnswerRenderer.Render(answer, activity), cancellationToken);
        await afterAnswer(turnContext, answer, cancellationToken);
    }

    private bool MayTakeLong(Activity activity) =>
        answerer is GroundedLlmAnswerer
        && activity.IsFromChannel(Channels.Msteams)
        && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    private async Task AnswerLaterAsync(
        ConversationReference reference, string question, Func<ITurnContext, GuidanceAnswer, CancellationToken, Task> afterAnswer, CancellationToken cancellationToken)
    {
        var answer = await answerer.AnswerAsync(question, cancellationToken);
        // Resolved here, not injected: the adapter depends on the bot, which depends on this class.
        var adapter = services.GetRequiredService<IChannelAdapter>();
        await adapter.ContinueConversationAsync(
            reference,
            async (context, ct) =>
            {
                await context.SendActivityAsync(AnswerRenderer.Render(answer, context.Activity), ct);
                await afterAnswer(context, answer, ct);
            },
            cancellationToken);
    }
}
