using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Mvai.BotFramework.Connector;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// The bot's own token for Connector calls: client credentials (app id + secret) against Entra, with the
/// Bot Framework scope. MSAL keeps the token in its in-memory app cache and renews it before it expires,
/// so one application instance is built on first use and reused for the life of the process.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    /// <summary>The tenant of legacy multi-tenant bots; single-tenant bots use their own tenant.</summary>
    private const string MultiTenantTenant = "botframework.com";

    private readonly BotAuthenticationOptions _options;
    private readonly ILogger<MsalConnectorTokenProvider> _logger;

    // Built lazily so a missing tenant or secret fails the first Connector call with a clear message
    // instead of the whole host at start-up; the failure is cached since configuration does not change.
    private readonly Lazy<IConfidentialClientApplication> _application;

    public MsalConnectorTokenProvider(
        IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalConnectorTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _application = new Lazy<IConfidentialClientApplication>(
            () => Build(_options, new MsalHttpClientFactory(httpClientFactory)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value
            .AcquireTokenForClient([_options.OAuthScope])
            .ExecuteAsync(cancellationToken);
        AuthenticationLog.ConnectorTokenAcquired(_logger, result.AuthenticationResultMetadata.TokenSource.ToString(), result.ExpiresOn);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(BotAuthenticationOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException(
                "MicrosoftAppPassword is empty: the bot needs its client secret to get Connector tokens when MicrosoftAppId is set.");
        }
        return ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority($"{options.OAuthAuthorityHost.TrimEnd('/')}/{Tenant(options)}")
            // The authority is known and fixed; discovery would be an extra network call (and fails offline).
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    private static string Tenant(BotAuthenticationOptions options)
    {
        if (string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            return MultiTenantTenant;
        }
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            throw new InvalidOperationException(
                $"MicrosoftAppTenantId is empty but MicrosoftAppType is '{options.MicrosoftAppType}': set it to the bot's Entra tenant id, the authority of its Connector tokens.");
        }
        return options.MicrosoftAppTenantId.Trim();
    }
}
