using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Transcripts;

/// <summary>
/// Logs the messages of every turn, the user's and the bot's, so a person taking over sees the history.
/// Only messages: typing, events and invokes say nothing a reader needs.
/// </summary>
/// <remarks>
/// The rows are written while the bot works (stores keep the order of the calls) and the turn ends only once all are
/// stored: a turn whose transcript could not be written fails as a whole (before its state is saved), as it did
/// when each row was awaited in place, but the bot no longer waits for the user's row before it starts thinking.
/// Code that reads the transcript during the turn awaits <see cref="WhenLoggedAsync"/> first.
/// </remarks>
public sealed class TranscriptLoggerMiddleware(ITranscriptStore store) : IBotMiddleware
{
    private const string PendingKey = "TranscriptLoggerMiddleware.Pending";

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var rows = new PendingRows(store, cancellationToken);
        turnContext.TurnState[PendingKey] = rows;
        if (turnContext.Activity.IsType(ActivityTypes.Message))
        {
            rows.Log(turnContext.Activity);
        }
        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext();
            for (var i = 0; i < activities.Count; i++)
            {
                if (activities[i].IsType(ActivityTypes.Message))
                {
                    activities[i].Id ??= responses[i].Id;
                    rows.Log(activities[i]);
                }
            }
            return responses;
        });
        try
        {
            await next(cancellationToken);
        }
        catch
        {
            // No row write is left running after its turn (the store may be disposed next); the turn's own error wins.
            await rows.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        await rows.Completion;
    }

    /// <summary>Completes when every message of this turn so far is in the transcript; throws if one could not be stored.</summary>
    public static Task WhenLoggedAsync(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(PendingKey, out var value) && value is PendingRows rows ? rows.Completion : Task.CompletedTask;
    }

    /// <summary>The turn's row writes, started in order as its messages come.</summary>
    private sealed class PendingRows(ITranscriptStore store, CancellationToken cancellationToken)
    {
        private readonly List<Task> _writes = [];

        public Task Completion => _writes.Count switch
        {
            0 => Task.CompletedTask,
            1 => _writes[0],
            _ => Task.WhenAll(_writes),
        };

        // The store serializes the activity before this returns: later changes to the object are not logged.
        public void Log(Activity activity) => _writes.Add(store.LogActivityAsync(activity, cancellationToken));
    }
}
