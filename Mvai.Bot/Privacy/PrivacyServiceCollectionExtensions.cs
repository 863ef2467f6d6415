using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

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
        services.AddSchema(DataAuditStore.Schema);
        services.TryAddSingleton<IDataAuditStore>(sp => new DataAuditStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<DataRetention>();
        services.TryAddSingleton<RequestData>();
        services.AddHostedService<DataRetentionService>();
        return services;
    }
}
