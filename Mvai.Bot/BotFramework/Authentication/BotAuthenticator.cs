using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bot.BotFramework.Authentication;

/// <summary>
/// Bot Framework inbound authentication. In development mode (no app id) unauthenticated callers are
/// accepted from loopback addresses only, like the Bot Framework Emulator.
/// </summary>
internal sealed class BotAuthenticator(IOptions<BotAuthenticationOptions> options) : IBotAuthenticator
{
    public Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (options.Value.IsDevelopmentMode)
        {
            return Task.FromResult(remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? AuthenticationResult.Success(new ClaimsIdentity())
                : AuthenticationResult.Fail("development mode accepts loopback callers only"));
        }
        return Task.FromResult(AuthenticationResult.Fail("token validation is not configured"));
    }
}
