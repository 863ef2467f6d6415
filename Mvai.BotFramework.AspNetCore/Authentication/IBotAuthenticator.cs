using System.Net;
using System.Security.Claims;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Authentication;

/// <summary>Decides who sent a request to the bot, from its Authorization header and the activity it carries.</summary>
public interface IBotAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken);
}

/// <summary>Either an identity, or the reason the request is refused (logged, never sent to the caller).</summary>
public sealed record AuthenticationResult(ClaimsIdentity? Identity, string? FailureReason)
{
    public bool Succeeded => Identity is not null;

    public static AuthenticationResult Success(ClaimsIdentity identity) => new(identity, null);

    public static AuthenticationResult Fail(string reason) => new(null, reason);
}
