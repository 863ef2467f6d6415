namespace Mvai.BotFramework.Authentication;

/// <summary>
/// The bot's identity and where tokens are checked. The four <c>MicrosoftApp*</c> values use the standard
/// Bot Framework configuration keys at the root of configuration; the rest lives under <c>BotAuthentication</c>.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "BotAuthentication";

    /// <summary>The Azure Bot's app (client) id. Empty: local development mode, loopback callers only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret, used for outbound Connector tokens.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The bot's own Entra tenant (single-tenant bots).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>SingleTenant</c> (default), <c>MultiTenant</c> (legacy) or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>OpenID metadata of tokens the channels (Teams, Direct Line...) sign.</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra-issued tokens (Emulator, skills, Entra callers).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Refuse metadata served over plain HTTP. Only tests serving metadata on loopback turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Entra authority host for outbound tokens (the tenant is appended).</summary>
    public string OAuthAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of outbound Connector tokens.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Service URLs (origins, e.g. <c>https://parent-bot.example</c>) that Entra-authenticated callers (the Emulator,
    /// skills) may name for replies, besides Bot Framework's own hosts. Channel tokens carry their own serviceurl claim.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>Tolerated clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when no app id is configured: local development with the Emulator, Web Chat or the Playground.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
