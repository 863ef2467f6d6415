using Microsoft.Extensions.Options;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Handoff.Hours;

namespace Mvai.Bot.Handoff;

/// <summary>
/// Finds handoffs nobody claimed within the claim timeout (or whose after-hours triage was abandoned), alerts the
/// on-call advisor once per case, and tells the bot so it can collect call-back details from the user.
/// Safe with several instances: the alert is guarded by a conditional update of the case.
/// </summary>
public sealed class UnclaimedHandoffWatcher(
    IHandoffStore store,
    HandoffCoordinator coordinator,
    IChannelAdapter adapter,
    AdvisorSchedule schedule,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<UnclaimedHandoffWatcher> logger) : BackgroundService
{
    /// <summary>The event the bot receives in the user's conversation when nobody claimed it in time.</summary>
    public const string EventName = "mvai.handoff.unclaimed";

    /// <summary>One pass over the queue; returns how many cases were escalated to the on-call advisor.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var overdue = await store.ListUnclaimedAsync(clock.GetUtcNow() - schedule.ClaimTimeout, cancellationToken);
        var escalated = 0;
        foreach (var handoff in overdue)
        {
            if (!await coordinator.AlertOnCallAsync(handoff, "not claimed in time", cancellationToken))
            {
                continue;
            }
            escalated++;
            await adapter.ProcessProactiveAsync(handoff.ConversationReference.GetContinuationActivity(EventName), cancellationToken);
        }
        return escalated;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next tick tries again and nothing is marked done.
                HandoffLog.WatchFailed(logger, exception.GetType().Name);
            }
        }
    }
}
