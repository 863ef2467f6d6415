using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// Bot Framework inbound authentication. With an app id, every request needs <c>Bearer &lt;jwt&gt;</c>; the
/// token's (unvalidated) issuer picks the channel or the Entra path, and unknown issuers are refused before
/// any key is fetched. In development mode (no app id) unauthenticated callers are accepted from loopback
/// addresses only, like the Bot Framework Emulator.
/// </summary>
internal sealed class BotAuthenticator : IBotAuthenticator, IDisposable
{
    private const string BearerPrefix = "Bearer ";

    private readonly OpenIdMetadataCache[] _caches = [];
    private readonly ChannelTokenValidator? _channel;
    private readonly EntraTokenValidator? _entra;

    public BotAuthenticator(
        IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock, ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.IsDevelopmentMode)
        {
            return;
        }
        var channelKeys = new OpenIdMetadataCache(settings.ChannelOpenIdMetadataUrl, settings.RequireHttpsMetadata, httpClientFactory, clock, logger);
        var entraKeys = string.Equals(settings.EntraOpenIdMetadataUrl, settings.ChannelOpenIdMetadataUrl, StringComparison.Ordinal)
            ? channelKeys
            : new OpenIdMetadataCache(settings.EntraOpenIdMetadataUrl, settings.RequireHttpsMetadata, httpClientFactory, clock, logger);
        _caches = [.. new[] { channelKeys, entraKeys }.Distinct()];
        _channel = new ChannelTokenValidator(channelKeys, settings);
        _entra = new EntraTokenValidator(entraKeys, settings);
    }

    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_channel is null || _entra is null)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? AuthenticationResult.Success(new ClaimsIdentity())
                : AuthenticationResult.Fail("development mode accepts loopback callers only");
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return AuthenticationResult.Fail("no Authorization header");
        }
        var token = ReadBearerToken(authorizationHeader);
        if (token is null)
        {
            return AuthenticationResult.Fail("Authorization header is not 'Bearer <jwt>'");
        }
        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthenticationResult.Fail("token names no signing key");
        }

        if (string.Equals(token.Issuer, ChannelTokenValidator.Issuer, StringComparison.Ordinal))
        {
            return await _channel.ValidateAsync(token, activity, cancellationToken);
        }
        if (_entra.IsKnownIssuer(token.Issuer))
        {
            return await _entra.ValidateAsync(token, activity, cancellationToken);
        }
        return AuthenticationResult.Fail("unknown token issuer");
    }

    public void Dispose()
    {
        foreach (var cache in _caches)
        {
            cache.Dispose();
        }
    }

    /// <summary>Parses <c>Bearer &lt;jwt&gt;</c> without validating anything; null for any other shape.</summary>
    private static JsonWebToken? ReadBearerToken(string header)
    {
        if (!header.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var raw = header[BearerPrefix.Length..];
        if (raw.Length == 0 || raw.Contains(' ', StringComparison.Ordinal) || !SignedTokens.Handler.CanReadToken(raw))
        {
            return null;
        }
        return SignedTokens.ReadSigned(raw);
    }
}
