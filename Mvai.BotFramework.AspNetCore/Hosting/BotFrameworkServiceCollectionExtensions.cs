using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.Connector;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Hosting;

/// <summary>Registers the Bot Framework layer: adapter, authentication, Connector client, state.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFramework<TBot>(this IServiceCollection services, IConfiguration configuration)
        where TBot : class, IBot
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotHostingOptions>().BindConfiguration(BotHostingOptions.SectionName)
            .Validate(o => o.MaxActivityBytes > 0, "BotHosting:MaxActivityBytes must be positive.")
            .Validate(o => o.DeduplicationWindow > TimeSpan.Zero, "BotHosting:DeduplicationWindow must be positive.")
            .Validate(o => o.StorageRetryAfter > TimeSpan.Zero, "BotHosting:StorageRetryAfter must be positive.")
            .ValidateOnStart();
        services.AddOptions<BotAuthenticationOptions>()
            .BindConfiguration(BotAuthenticationOptions.SectionName)
            .Configure(options =>
            {
                // The standard Bot Framework keys live at the root of configuration.
                options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
                options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
                options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
                options.MicrosoftAppType = configuration["MicrosoftAppType"] is { Length: > 0 } type ? type : options.MicrosoftAppType;
            })
            .Validate(o => o.ClockSkew >= TimeSpan.Zero, "BotAuthentication:ClockSkew must not be negative.")
            .Validate(o => new[] { o.ChannelOpenIdMetadataUrl, o.EntraOpenIdMetadataUrl, o.OAuthAuthorityHost }
                .All(url => Uri.TryCreate(url, UriKind.Absolute, out _)), "BotAuthentication's metadata and authority URLs must be absolute.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddBotStorage();
        services.AddBotAuthentication();
        services.AddHttpClient(ConnectorClient.HttpClientName);
        services.TryAddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName),
            sp.GetRequiredService<IConnectorTokenProvider>()));
        services.TryAddSingleton<ChannelConnectionFactory>();
        services.AddSchema(SharedActivityDeduplicator.Schema);
        services.TryAddSingleton<IActivityDeduplicator>(sp =>
        {
            var (clock, window) = (sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<BotHostingOptions>>().Value.DeduplicationWindow);
            return sp.GetRequiredService<StorageBackend>().Select<IActivityDeduplicator>(
                sqlite => new ActivityDeduplicator(clock, window), postgres => new SharedActivityDeduplicator(postgres, clock, window));
        });
        // Middleware registered as a service once joined the turn in registration order; now it would silently never
        // run. The start fails instead, naming the mistake.
        services.AddOptions<BotMiddlewarePipeline>()
            .Validate<IServiceProvider>((_, provider) => !provider.GetServices<IBotMiddleware>().Any(),
                "IBotMiddleware registered as a service is not part of the turn pipeline; add it with AddBotMiddleware(pipeline => pipeline.Use<T>()) where the app writes its pipeline.")
            .ValidateOnStart();
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.TryAddSingleton<IBot, TBot>();
        return services;
    }
}
