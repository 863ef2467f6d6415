using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Privacy;

/// <summary>Registers retention (the periodic purge) and advisors' export and deletion of requests.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IDataAuditStore>(sp => sp.GetRequiredService<StorageBackend>().Select<IDataAuditStore>(
            sqlite => new SqliteDataAuditStore(sqlite), postgres => new PostgresDataAuditStore(postgres)));
        services.TryAddSingleton<DataRetention>();
        services.TryAddSingleton<RequestData>();
        services.AddHostedService<DataRetentionService>();
        return services;
    }
}
