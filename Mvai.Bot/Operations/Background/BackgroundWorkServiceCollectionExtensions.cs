namespace Mvai.Bot.Operations.Background;

public static class BackgroundWorkServiceCollectionExtensions
{
    /// <summary>Registers the background work queue once, however many features ask for it.</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(BackgroundWorkQueue)))
        {
            return services;
        }
        services.AddOptions<BackgroundWorkOptions>().BindConfiguration(BackgroundWorkOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWorkQueue>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        return services;
    }
}
