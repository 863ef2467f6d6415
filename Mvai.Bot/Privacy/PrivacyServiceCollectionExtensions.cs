using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.BotFramework.State;

namespace Mvai.Bot.Privacy;

/// <summary>Registers retention (the periodic purge) and advisors' export and deletion of requests.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IDataAuditStore>(sp => new SqliteDataAuditStore(
            sp.GetRequiredService<IStorage>() as SqliteStorage
                ?? throw new InvalidOperationException("The data-request audit needs the SQLite storage provider.")));
        services.TryAddSingleton<DataRetention>();
        services.TryAddSingleton<RequestData>();
        services.AddHostedService<DataRetentionService>();
        return services;
    }
}
