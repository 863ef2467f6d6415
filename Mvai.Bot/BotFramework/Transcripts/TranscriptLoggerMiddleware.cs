using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bot.BotFramework.Transcripts;

/// <summary>
/// Logs the messages of every turn, the user's and the bot's, so a person taking over sees the history.
/// Only messages: typing, events and invokes say nothing a reader needs.
/// </summary>
public sealed class TranscriptLoggerMiddleware(ITranscriptStore store) : IBotMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.IsType(ActivityTypes.Message))
        {
            await store.LogActivityAsync(turnContext.Activity, cancellationToken);
        }
        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext();
            for (var i = 0; i < activities.Count; i++)
            {
                if (activities[i].IsType(ActivityTypes.Message))
                {
                    activities[i].Id ??= responses[i].Id;
                    await store.LogActivityAsync(activities[i], cancellationToken);
                }
            }
            return responses;
        });
        await next(cancellationToken);
    }
}
