using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.State;
using Mvai.Bot.BotFramework.Transcripts;

namespace Mvai.Bot.Handoff;

/// <summary>Registers human handoff: transcripts, the advisor queue, the built-in hub and the unclaimed-case watcher.</summary>
public static class HandoffServiceCollectionExtensions
{
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.SectionName));
        services.TryAddSingleton<ITranscriptStore>(sp => new SqliteTranscriptStore(RequireSqlite(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBotMiddleware, TranscriptLoggerMiddleware>();
        services.TryAddSingleton<IHandoffStore>(sp => new SqliteHandoffStore(RequireSqlite(sp)));
        services.TryAddSingleton<AdvisorHub>();
        services.TryAddSingleton<AdvisorDesk>();
        services.TryAddSingleton<HandoffCoordinator>();
        services.TryAddSingleton<TriageDialog>();
        services.TryAddSingleton<UnclaimedHandoffWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<UnclaimedHandoffWatcher>());
        return services;
    }

    private static SqliteStorage RequireSqlite(IServiceProvider services) =>
        services.GetRequiredService<IStorage>() as SqliteStorage
            ?? throw new InvalidOperationException("The advisor queue needs the SQLite storage provider.");
}
