using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.BotFramework.Transcripts;

namespace Mvai.Bot.Handoff;

/// <summary>Registers human handoff: transcripts, the advisor queue, the built-in hub and the unclaimed-case watcher.</summary>
public static class HandoffServiceCollectionExtensions
{
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.WatchInterval > TimeSpan.Zero, "Handoff:WatchInterval must be positive.")
            .Validate(o => o.OnCallCallbackTarget > TimeSpan.Zero, "Handoff:OnCallCallbackTarget must be positive.")
            .Validate(o => o.PublicBaseUrl is null or { IsAbsoluteUri: true }, "Handoff:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSchema(TranscriptStore.Schema);
        services.TryAddSingleton<ITranscriptStore>(sp => new TranscriptStore(sp.GetRequiredService<StorageBackend>().Database, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<TranscriptLoggerMiddleware>();
        services.AddSchema(HandoffStore.Schema);
        services.TryAddSingleton<IHandoffStore>(sp => new HandoffStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<AdvisorHub>();
        services.TryAddSingleton<AdvisorDesk>();
        services.TryAddSingleton<HandoffCoordinator>();
        services.TryAddSingleton<TriageDialog>();
        services.TryAddSingleton<UnclaimedHandoffWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<UnclaimedHandoffWatcher>());
        return services;
    }
}
