using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Hours;

/// <summary>Registers <see cref="AdvisorSchedule"/> from <c>Handoff:Hours</c>, validated at start-up.</summary>
public static class AdvisorHoursServiceCollectionExtensions
{
    public static IServiceCollection AddAdvisorHours(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdvisorHoursOptions>().BindConfiguration(AdvisorHoursOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdvisorHoursOptions>, AdvisorHoursOptionsValidator>());
        services.TryAddSingleton<AdvisorSchedule>();
        return services;
    }
}
