using Microsoft.Extensions.Options;
using Mvai.BotFramework.Diagnostics;

namespace Mvai.Bot.Privacy;

/// <summary>Runs <see cref="DataRetention"/> at start-up and then every <see cref="RetentionOptions.Interval"/>.</summary>
internal sealed class DataRetentionService(
    DataRetention retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<DataRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            PrivacyLog.RetentionDisabled(logger);
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var purge = await retention.PurgeAsync(stoppingToken);
                PrivacyLog.Purged(logger, purge.Requests, purge.HandoffCases, purge.TranscriptActivities,
                    purge.DirectLineActivities, purge.AlertDeliveries, purge.IdleStates);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable or busy; whatever was not deleted goes next time.
                PrivacyLog.PurgeFailed(logger, RedactedException.From(exception));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
