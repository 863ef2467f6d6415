using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.Teams;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Llm;

namespace Mvai.Bot.Answering;

/// <summary>
/// Answers a question from the guidance. Teams retries a turn that takes longer than about 15 s, so when the
/// answer comes from a language model (seconds, sometimes many) and Teams is waiting on the request, the
/// turn only shows typing and ends; the answer is prepared off the request and sent into the conversation
/// proactively. Everywhere else (offline answers, expectReplies, Web Chat) it is answered within the turn.
/// </summary>
internal sealed class GuidanceReplies(
    IGuidanceAnswerer answerer, AnswerDelivery delivery, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<GuidanceReplies> logger)
{
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
        if (!MayTakeLong(activity))
        {
            var answer = await answerer.AnswerAsync(question, cancellationToken);
            await delivery.SendAsync(turnContext, question, answer, cancellationToken);
            await afterAnswer(turnContext, answer, cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var reference = activity.GetConversationReference();
        // Not awaited on purpose: the request ends now. The stopping token ends the work with the app.
        _ = Task.Run(() => AnswerLaterAsync(reference, question, afterAnswer, lifetime.ApplicationStopping), CancellationToken.None);
    }

    private bool MayTakeLong(Activity activity) =>
        answerer is GroundedLlmAnswerer
        && activity.IsTeams()
        && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    private async Task AnswerLaterAsync(
        ConversationReference reference, string question, Func<ITurnContext, GuidanceAnswer, CancellationToken, Task> afterAnswer, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await answerer.AnswerAsync(question, cancellationToken);
            // Resolved here, not injected: the adapter depends on the bot, which depends on this class.
            var adapter = services.GetRequiredService<CloudAdapter>();
            await adapter.ContinueConversationAsync(
                reference,
                async (context, ct) =>
                {
                    await delivery.SendAsync(context, question, answer, ct);
                    await afterAnswer(context, answer, ct);
                },
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            TeamsLog.BackgroundAnswerFailed(logger, RedactedException.From(exception));
        }
        catch (OperationCanceledException)
        {
            // The app is stopping; the answer is abandoned with it.
        }
    }
}
