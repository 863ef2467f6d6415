using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.Bot.Handoff.Hours;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Registers <see cref="IAdvisorAlerts"/>, its durable outbox and dispatcher, and (for on-call routing) <see cref="AdvisorSchedule"/>.</summary>
public static class AdvisorAlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAdvisorAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAdvisorHours(configuration);
        services.AddOptions<AdvisorAlertsOptions>().BindConfiguration(AdvisorAlertsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdvisorAlertsOptions>, AdvisorAlertsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSchema(AlertOutboxStore.Schema);
        services.TryAddSingleton<IAlertOutboxStore>(sp => new AlertOutboxStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<AlertOutboxSignal>();
        services.TryAddSingleton<IAdvisorAlerts, AdvisorAlertOutbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSender, EmailAlertSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSender, WebhookAlertSender>());
        services.AddHttpClient(WebhookAlertSender.HttpClientName);
        if (!services.Any(service => service.ImplementationType == typeof(AlertOutboxDispatcher)))
        {
            services.AddHostedService<AlertOutboxDispatcher>();
        }
        return services;
    }
}
