using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Connector;

namespace Mvai.BotFramework.Authentication;

/// <summary>Registers inbound token validation and outbound Connector tokens.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(OpenIdMetadataCache.HttpClientName);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.TryAddSingleton<IBotAuthenticator, BotAuthenticator>();
        // Decided when first resolved, from the bound options: without an app id there is no identity to get tokens for.
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsDevelopmentMode
                ? new AnonymousConnectorTokenProvider()
                : ActivatorUtilities.CreateInstance<MsalConnectorTokenProvider>(sp));
        return services;
    }
}
