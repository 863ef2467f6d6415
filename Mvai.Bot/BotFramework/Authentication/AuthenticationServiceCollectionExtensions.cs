using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.BotFramework.Connector;

namespace Mvai.Bot.BotFramework.Authentication;

/// <summary>Registers inbound token validation and outbound Connector tokens.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton<IBotAuthenticator, BotAuthenticator>();
        services.TryAddSingleton<IConnectorTokenProvider, AnonymousConnectorTokenProvider>();
        return services;
    }
}

/// <summary>No outbound token: local development against the Emulator or the Agents Playground.</summary>
internal sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
