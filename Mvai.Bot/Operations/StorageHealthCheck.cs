using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Operations;

/// <summary>Healthy when the state storage answers a read.</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync(["healthz/probe"], cancellationToken);
            return HealthCheckResult.Healthy("storage reachable");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("storage unreachable", exception);
        }
    }
}
