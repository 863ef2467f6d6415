using System.Diagnostics;
using Activity = Mvai.BotFramework.Protocol.Activity;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Diagnostics;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// Runs turns: one at a time per conversation, each activity id once, through the middleware to the bot,
/// and decides where replies go (expectReplies buffer, in-process channel, or the channel's Connector).
/// </summary>
public sealed class CloudAdapter : IChannelAdapter
{
    private readonly IBot _bot;
    private readonly IReadOnlyList<IBotMiddleware> _middleware;
    private readonly ChannelConnectionFactory _connections;
    private readonly ConversationState _conversationState;
    private readonly ConversationLocks _locks = new();
    private readonly IActivityDeduplicator _deduplicator;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        IBot bot,
        IOptions<BotMiddlewarePipeline> pipeline,
        IServiceProvider services,
        ChannelConnectionFactory connections,
        ConversationState conversationState,
        IActivityDeduplicator deduplicator,
        ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(services);
        _bot = bot;
        _middleware = pipeline.Value.Build(services);
        _connections = connections;
        _conversationState = conversationState;
        _deduplicator = deduplicator;
        _logger = logger;
    }

    /// <summary>
    /// Processes one authenticated activity. <paramref name="channel"/> overrides where replies go
    /// (the embedded Direct Line passes itself); otherwise they go to the activity's service URL.
    /// </summary>
    public async Task<TurnResult> ProcessActivityAsync(
        Activity activity, ClaimsIdentity identity, IChannelConnection? channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(identity);
        var conversationKey = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        var isInvoke = activity.IsType(ActivityTypes.Invoke);

        var deduplicationKey = $"{conversationKey}/{activity.Id}";
        if (!string.IsNullOrEmpty(activity.Id) && !await _deduplicator.TryRegisterAsync(deduplicationKey, cancellationToken))
        {
            HostingLog.DuplicateActivity(_logger, activity.Type, activity.ChannelId);
            return expectReplies ? TurnResult.ForExpectReplies([], null) : TurnResult.Duplicate;
        }

        var buffer = expectReplies ? new ExpectRepliesConnection() : null;
        var connection = buffer ?? channel ?? _connections.ForServiceUrl(activity.ServiceUrl);
        var turn = new TurnContext(activity, identity, connection);

        try
        {
            using (await _locks.AcquireAsync(conversationKey, cancellationToken))
            {
                await RunTurnAsync(turn, (t, ct) => _bot.OnTurnAsync(t, ct), cancellationToken);
            }
        }
        catch (Exception exception) when (StorageFailure.IsStorageDown(exception) && !string.IsNullOrEmpty(activity.Id))
        {
            // The turn did not happen: the channel's retry of this activity must run, not be dropped as a repeat.
            // When the same database holds the ids (PostgreSQL) and is still down, forgetting fails too; the retry is
            // then taken for a repeat, the lesser harm than running a turn twice.
            try
            {
                await _deduplicator.ForgetAsync(deduplicationKey, CancellationToken.None);
            }
            catch (Exception forgetError) when (StorageFailure.IsStorageDown(forgetError))
            {
                HostingLog.TurnErrorCleanupFailed(_logger, RedactedException.From(forgetError));
            }
            throw;
        }

        if (buffer is not null)
        {
            var invoke = turn.InvokeResponse ?? (isInvoke ? new InvokeResponse(501) : null);
            return TurnResult.ForExpectReplies(buffer.Activities, invoke);
        }
        return isInvoke ? TurnResult.ForInvoke(turn.InvokeResponse) : TurnResult.Ok;
    }

    /// <inheritdoc/>
    public async Task ContinueConversationAsync(
        ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = reference.GetContinuationActivity(ActivityEventNames.ContinueConversation, reference.ActivityId);
        var turn = new TurnContext(activity, new ClaimsIdentity(), _connections.ForServiceUrl(reference.ServiceUrl));
        using (await _locks.AcquireAsync($"{reference.ChannelId}/{reference.Conversation?.Id}", cancellationToken))
        {
            await RunTurnAsync(turn, callback, cancellationToken, recover: false);
        }
    }

    /// <inheritdoc/>
    public async Task ProcessProactiveAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var turn = new TurnContext(activity, new ClaimsIdentity(), _connections.ForServiceUrl(activity.ServiceUrl));
        using (await _locks.AcquireAsync($"{activity.ChannelId}/{activity.Conversation?.Id}", cancellationToken))
        {
            await RunTurnAsync(turn, (t, ct) => _bot.OnTurnAsync(t, ct), cancellationToken, recover: false);
        }
    }

    /// <param name="turn">The turn to run.</param>
    /// <param name="handler">The bot, or a proactive callback.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <param name="recover">
    /// For a user's turn: apologise and reset the conversation (<see cref="OnTurnErrorAsync"/>). Proactive turns let the
    /// error reach their caller instead, who can retry; resetting a conversation because its channel was briefly
    /// unreachable would throw away the user's place for nothing.
    /// </param>
    private async Task RunTurnAsync(
        TurnContext turn, Func<ITurnContext, CancellationToken, Task> handler, CancellationToken cancellationToken, bool recover = true)
    {
        using var span = BotTelemetry.ActivitySource.StartActivity("bot.turn");
        span?.SetTag("bot.activity.type", turn.Activity.Type);
        span?.SetTag("bot.channel", turn.Activity.ChannelId);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await RunMiddlewareAsync(0, turn, handler, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = StorageFailure.IsStorageDown(exception) ? "storage-unavailable" : "error";
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            // With the storage down the turn's state was never saved: the user's place is intact and the request is
            // answered 503 to be retried, where apologising and resetting would throw that place away.
            if (!recover || StorageFailure.IsStorageDown(exception))
            {
                throw;
            }
            await OnTurnErrorAsync(turn, exception, cancellationToken);
        }
        finally
        {
            var tags = new TagList { { "type", turn.Activity.Type }, { "channel", turn.Activity.ChannelId }, { "outcome", outcome } };
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

    private Task RunMiddlewareAsync(int index, TurnContext turn, Func<ITurnContext, CancellationToken, Task> handler, CancellationToken cancellationToken) =>
        index < _middleware.Count
            ? _middleware[index].OnTurnAsync(turn, ct => RunMiddlewareAsync(index + 1, turn, handler, ct), cancellationToken)
            : handler(turn, cancellationToken);

    /// <summary>
    /// Logs the failure (never the message text), apologises, and clears the conversation's state so a
    /// poisoned dialog stack cannot trap the user in the same error on every message. A conflicting save is
    /// not a poisoned stack: the state the other turn saved is kept.
    /// </summary>
    private async Task OnTurnErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        // Another turn of this conversation (on another instance, or a proactive one) saved first: its state is good
        // and must stay. This turn's save was refused as a whole, so the user is asked to send the message again.
        var overlapped = exception is StorageConcurrencyException;
        if (overlapped)
        {
            HostingLog.TurnOverlapped(_logger, turn.Activity.Type, turn.Activity.ChannelId);
        }
        else
        {
            HostingLog.TurnFailed(_logger, RedactedException.From(exception), turn.Activity.Type, turn.Activity.ChannelId);
            try
            {
                await _conversationState.DeleteAsync(turn, cancellationToken);
            }
            catch (Exception stateError)
            {
                HostingLog.TurnErrorCleanupFailed(_logger, RedactedException.From(stateError));
            }
        }
        if (turn.Activity.IsType(ActivityTypes.Invoke))
        {
            await turn.SendInvokeResponseAsync(new InvokeResponse(overlapped ? 409 : 500), cancellationToken);
            return;
        }
        try
        {
            await turn.SendActivityAsync(overlapped ? HostingMessages.TurnOverlapped : HostingMessages.TurnErrorApology, cancellationToken);
        }
        catch (Exception sendError)
        {
            HostingLog.TurnErrorCleanupFailed(_logger, RedactedException.From(sendError));
        }
    }
}
