using Microsoft.Extensions.Options;
using Mvai.BotFramework.Authentication;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Validates Entra ID access tokens for the console: RSA signature by a key the tenant's OpenID metadata
/// publishes, issuer of our tenant (v1.0 or v2.0 tokens), our audience, lifetime, and the required app role
/// or group when configured. The advisor is the token's user: its preferred username, else its object id.
/// </summary>
internal sealed class AdvisorEntraTokens : IDisposable
{
    private readonly AdvisorEntraOptions _entra;
    private readonly OpenIdMetadataCache _keys;
    private readonly ILogger<AdvisorEntraTokens> _logger;
    private readonly string[] _issuers;

    public AdvisorEntraTokens(IOptions<AdvisorConsoleOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock,
        ILogger<AdvisorEntraTokens> logger)
    {
        _entra = options.Value.Entra;
        _logger = logger;
        _keys = new OpenIdMetadataCache(_entra.EffectiveMetadataUrl, _entra.RequireHttpsMetadata, httpClientFactory, clock, logger);
        var tenant = _entra.TenantId.Trim();
        _issuers = [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"];
    }

    public async Task<AdvisorIdentity?> ValidateAsync(string rawToken, CancellationToken cancellationToken)
    {
        if (SignedTokens.ReadSigned(rawToken) is not { } token)
        {
            return Refuse("malformed token");
        }
        if (string.IsNullOrEmpty(token.Kid) || await _keys.FindKeyAsync(token.Kid, cancellationToken) is not { } key)
        {
            return Refuse("signed with an unknown key");
        }
        var parameters = SignedTokens.Parameters(key, _entra.ClockSkew);
        parameters.ValidIssuers = _issuers;
        parameters.ValidateAudience = true;
        parameters.ValidAudience = _entra.Audience.Trim();
        var result = await SignedTokens.Handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return Refuse(result.Exception?.GetType().Name ?? "invalid");
        }
        if (!HasRequired(result.ClaimsIdentity, "roles", _entra.RequiredRole) || !HasRequired(result.ClaimsIdentity, "groups", _entra.RequiredGroup))
        {
            return Refuse("the required advisor role or group is missing");
        }
        var id = SignedTokens.StringClaim(token, "preferred_username") ?? SignedTokens.StringClaim(token, "upn")
            ?? SignedTokens.StringClaim(token, "oid") ?? SignedTokens.StringClaim(token, "sub");
        if (id is null)
        {
            return Refuse("no user in the token");
        }
        return new AdvisorIdentity(id, SignedTokens.StringClaim(token, "name") ?? id);
    }

    private static bool HasRequired(System.Security.Claims.ClaimsIdentity identity, string claimType, string required) =>
        string.IsNullOrWhiteSpace(required)
        || identity.Claims.Any(c => c.Type == claimType && string.Equals(c.Value, required.Trim(), StringComparison.OrdinalIgnoreCase));

    private AdvisorIdentity? Refuse(string reason)
    {
        AdvisorConsoleLog.TokenRefused(_logger, reason);
        return null;
    }

    public void Dispose() => _keys.Dispose();
}
