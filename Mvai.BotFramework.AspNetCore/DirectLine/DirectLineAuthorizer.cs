using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;secret|token&gt;</c> (or the stream's <c>t</c> query value): missing or
/// not Bearer is 401; a wrong secret, a forged token or an expired token is 403, as on Azure Direct Line.
/// </summary>
internal sealed class DirectLineAuthorizer(IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
{
    public bool HasSecret => !string.IsNullOrEmpty(options.Value.Secret);

    /// <param name="http">The request.</param>
    /// <param name="loopbackWithoutSecret">Treat a credential-less loopback caller as the secret holder when no secret is configured (local development).</param>
    /// <param name="credential">A credential from elsewhere than the header (the stream URL's token).</param>
    public async Task<DirectLineCaller> AuthorizeAsync(HttpContext http, bool loopbackWithoutSecret, string? credential = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        if (credential is null && header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return DirectLineCaller.Fail(401, "MissingBearer");
            }
            credential = header["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(credential))
        {
            var remote = TrustedProxies.LocalityAddress(http);
            return loopbackWithoutSecret && !HasSecret && remote is not null && IPAddress.IsLoopback(remote)
                ? new DirectLineCaller(true, null)
                : DirectLineCaller.Fail(401, "MissingAuthorization");
        }
        if (HasSecret && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(options.Value.Secret!)))
        {
            return new DirectLineCaller(true, null);
        }
        var (token, expired) = await tokens.ValidateAsync(credential);
        return token is not null
            ? new DirectLineCaller(false, token)
            : DirectLineCaller.Fail(403, expired ? "TokenExpired" : "Forbidden");
    }
}
