using Microsoft.Extensions.Options;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// Catches requests stored without an alert (the app stopped, or the database blinked, between storing the request and
/// its alert) and alerts the team about them. Safe on every instance: the alert is guarded by a conditional update.
/// </summary>
internal sealed class RequestAlertSweeper(
    IRequestDeskStore store,
    IAssistanceRequestStore requests,
    RequestAlerts alerts,
    IOptions<DeskOptions> options,
    TimeProvider clock,
    ILogger<RequestAlertSweeper> logger) : BackgroundService
{
    // A request stored this moment is being alerted by its own turn: leave it to that turn.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var alerted = 0;
        foreach (var reference in await store.ListUnalertedAsync(clock.GetUtcNow() - Grace, cancellationToken))
        {
            if (await requests.FindAsync(reference, cancellationToken) is { } stored && await alerts.AlertAsync(stored, cancellationToken))
            {
                alerted++;
            }
        }
        return alerted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AlertSweepInterval, clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                DeskLog.SweepFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
