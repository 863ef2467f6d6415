using Microsoft.Extensions.Options;
using Mvai.BotFramework.Diagnostics;
using Polly;
using Polly.Retry;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// Sends due outbox deliveries. Delivery is at-least-once: a row is marked sent only after the channel accepted
/// it, so a crash between the two sends it again once its lease expires. A failure never drops a row; it only
/// pushes its next attempt back (doubling up to <see cref="AdvisorAlertsOptions.RetryMaxDelay"/>).
/// </summary>
internal sealed class AlertOutboxDispatcher : BackgroundService
{
    // Unique per process, so a lease taken by another instance (or an earlier run of this one) is never ours.
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly IAlertOutboxStore _store;
    private readonly Dictionary<string, IAlertSender> _senders;
    private readonly AlertOutboxSignal _signal;
    private readonly AdvisorAlertsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AlertOutboxDispatcher> _logger;
    private readonly ResiliencePipeline _quickRetries;

    public AlertOutboxDispatcher(
        IAlertOutboxStore store, IEnumerable<IAlertSender> senders, AlertOutboxSignal signal,
        IOptions<AdvisorAlertsOptions> options, TimeProvider clock, ILogger<AlertOutboxDispatcher> logger)
    {
        _store = store;
        _senders = senders.ToDictionary(sender => sender.Channel, StringComparer.Ordinal);
        _signal = signal;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _quickRetries = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, _options.InProcessRetries),
                Delay = _options.InProcessRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
            })
            .Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                fullBatch = await DispatchDueAsync(stoppingToken) >= _options.BatchSize;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                AlertsLog.OutboxUnavailable(_logger, RedactedException.From(exception));
            }
            if (!fullBatch && !await WaitForWorkAsync(stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _signal.WaitAsync(_options.PollInterval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Sends what is due now; returns how many deliveries were claimed.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = await _store.ClaimDueAsync(_owner, _clock.GetUtcNow(), _options.LeaseDuration, _options.BatchSize, cancellationToken);
        await Task.WhenAll(due.Select(delivery => DeliverAsync(delivery, cancellationToken)));
        return due.Count;
    }

    private async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var sender = _senders.TryGetValue(delivery.Channel, out var found) ? found : throw new AlertChannelNotConfiguredException(delivery.Channel);
            await _quickRetries.ExecuteAsync(async token => await sender.SendAsync(delivery, token), cancellationToken);
        }
        catch (Exception exception)
        {
            // Stopping: hand the row back at once, so the next instance need not wait for the lease to expire.
            var stopping = cancellationToken.IsCancellationRequested;
            var next = _clock.GetUtcNow() + (stopping ? TimeSpan.Zero : Backoff(delivery.Attempt));
            var error = stopping ? "Interrupted by shutdown" : DeliveryError.Describe(exception);
            await _store.MarkFailedAsync(delivery.Id, _owner, next, error, CancellationToken.None);
            AlertsLog.DeliveryFailed(_logger, delivery.Alert.CaseId, delivery.Channel, delivery.Attempt, error, next);
            return;
        }
        // Sent: record it even if the host is stopping, or the next start would send it again.
        await _store.MarkSentAsync(delivery.Id, _clock.GetUtcNow(), CancellationToken.None);
        AlertsLog.Delivered(_logger, delivery.Alert.CaseId, delivery.Channel, delivery.Attempt);
    }

    private TimeSpan Backoff(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 20);
        var delay = _options.RetryBaseDelay * Math.Pow(2, doublings);
        return delay < _options.RetryMaxDelay ? delay : _options.RetryMaxDelay;
    }
}
