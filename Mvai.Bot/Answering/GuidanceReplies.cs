using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Answering.Streaming;
using Mvai.Bot.Operations.Background;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Knowledge.Answering;

namespace Mvai.Bot.Answering;

/// <summary>
/// Answers a question from the guidance. Offline answers take milliseconds and are sent within the turn. A language
/// model takes seconds, sometimes many, so its answers are shown while written: "Searching the MVAI guidance...", then
/// the text so far, then the cited answer (<see cref="AnswerStream"/>), in Web Chat and in Teams personal chats. Teams
/// retries a turn that takes longer than about 15 s, so there the turn only starts the stream (elsewhere in Teams: shows
/// typing) and ends; the answer is prepared off the request in the background work queue (which logs a failure,
/// redacted, and finishes or abandons the work at shutdown) and sent into the conversation proactively; when the queue is
/// full or the app stopping, it is answered within the turn. With expectReplies everything is in the turn's reply, so
/// nothing is streamed.
/// </summary>
internal sealed class GuidanceReplies(
    IGuidanceAnswerer answerer, AnswerDelivery delivery, IServiceProvider services, IBackgroundWorkQueue queue, TimeProvider clock,
    ILogger<GuidanceReplies> logger)
{
    private const string LateAnswerWork = "late guidance answer";

    private delegate Task AfterAnswer(ITurnContext turnContext, GuidanceAnswer answer, CancellationToken cancellationToken);

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
        if (answerer is not IStreamingGuidanceAnswerer model || IsExpectReplies(activity) || !(activity.IsFromChannel(Channels.Msteams) || IsWebChat(activity)))
        {
            var answer = await answerer.AnswerAsync(question, cancellationToken);
            await delivery.SendAsync(turnContext, question, answer, cancellationToken);
            await afterAnswer(turnContext, answer, cancellationToken);
            return;
        }
        var stream = new AnswerStream(teams: activity.IsFromChannel(Channels.Msteams), clock, logger);
        if (!activity.IsFromChannel(Channels.Msteams) || IsPersonal(activity))
        {
            await stream.StartAsync(turnContext, cancellationToken);
        }
        if (!activity.IsFromChannel(Channels.Msteams))
        {
            await AnswerInTurnAsync(turnContext, question, model, stream, afterAnswer, cancellationToken);
            return;
        }
        if (!stream.IsOpen)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
        var reference = activity.GetConversationReference();
        if (queue.TryEnqueue(LateAnswerWork, ct => AnswerLaterAsync(reference, question, model, stream, new AfterAnswer(afterAnswer), ct)))
        {
            return;
        }
        await AnswerInTurnAsync(turnContext, question, model, stream, afterAnswer, cancellationToken);
    }

    private async Task AnswerInTurnAsync(
        ITurnContext turnContext, string question, IStreamingGuidanceAnswerer model, AnswerStream stream,
        Func<ITurnContext, GuidanceAnswer, CancellationToken, Task> afterAnswer, CancellationToken cancellationToken)
    {
        var answer = await model.AnswerStreamingAsync(question, (text, ct) => stream.UpdateAsync(turnContext, text, ct), cancellationToken);
        await SendFinalAsync(turnContext, question, answer, stream, cancellationToken);
        await afterAnswer(turnContext, answer, cancellationToken);
    }

    private async Task AnswerLaterAsync(
        ConversationReference reference, string question, IStreamingGuidanceAnswerer model, AnswerStream stream, AfterAnswer afterAnswer,
        CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the adapter depends on the bot, which depends on this class.
        var adapter = services.GetRequiredService<IChannelAdapter>();
        // Each update is its own short proactive turn, so the conversation is not held while the model writes.
        var answer = await model.AnswerStreamingAsync(question, async (text, ct) =>
        {
            if (stream.WantsUpdate)
            {
                await adapter.ContinueConversationAsync(reference, (context, innerCt) => stream.UpdateAsync(context, text, innerCt), ct);
            }
        }, cancellationToken);
        await adapter.ContinueConversationAsync(
            reference,
            async (context, ct) =>
            {
                await SendFinalAsync(context, question, answer, stream, ct);
                await afterAnswer(context, answer, ct);
            },
            cancellationToken);
    }

    private async Task SendFinalAsync(ITurnContext turnContext, string question, GuidanceAnswer answer, AnswerStream stream, CancellationToken cancellationToken)
    {
        var answerId = AnswerIds.New();
        var message = delivery.Render(answer, turnContext.Activity, answerId);
        stream.Finish(message);
        var sent = await turnContext.SendActivityAsync(message, cancellationToken);
        // Teams gives the final message the stream's id; its feedback names that one.
        await delivery.RecordAsync(turnContext.Activity, question, answer, answerId, sent.Id ?? stream.StreamId, cancellationToken);
    }

    private static bool IsExpectReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    private static bool IsWebChat(Activity activity) => activity.ChannelId is Channels.Webchat or Channels.Directline;

    // Teams streams in personal chats only.
    private static bool IsPersonal(Activity activity) => string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
}
