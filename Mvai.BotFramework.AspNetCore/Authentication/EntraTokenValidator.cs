using System.Collections.Frozen;
using Microsoft.IdentityModel.JsonWebTokens;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// Entra-issued tokens (the Emulator, skills, other Entra apps). The audience must be the bot (its app id or
/// <c>api://</c> app id: a token our app got for Microsoft Graph is not one for us), the calling app's id
/// (<c>appid</c> in v1.0 tokens, <c>azp</c> in v2.0) must be ours, and the activity's service URL must be one
/// replies may go to (<see cref="ReplyServiceUrls"/>). There is no endorsement check: Entra keys carry none.
/// </summary>
internal sealed class EntraTokenValidator
{
    /// <summary>Tenants the Bot Framework and the Emulator get their tokens from.</summary>
    private static readonly string[] BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private readonly OpenIdMetadataCache _keys;
    private readonly BotAuthenticationOptions _options;
    private readonly ReplyServiceUrls _replyServiceUrls;

    // Built once per instance from configuration: botbuilder mutated a static list here, which raced.
    private readonly FrozenSet<string> _issuers;

    public EntraTokenValidator(OpenIdMetadataCache keys, BotAuthenticationOptions options)
    {
        _keys = keys;
        _options = options;
        _replyServiceUrls = new ReplyServiceUrls(options);
        var tenants = string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
            ? BotFrameworkTenants
            : [.. BotFrameworkTenants, options.MicrosoftAppTenantId.Trim()];
        _issuers = tenants
            .SelectMany(tid => new[] { $"https://sts.windows.net/{tid}/", $"https://login.microsoftonline.com/{tid}/v2.0" })
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public bool IsKnownIssuer(string issuer) => _issuers.Contains(issuer);

    public async Task<AuthenticationResult> ValidateAsync(JsonWebToken token, Activity activity, CancellationToken cancellationToken)
    {
        var key = await _keys.FindKeyAsync(token.Kid, cancellationToken);
        if (key is null)
        {
            return AuthenticationResult.Fail("Entra token signed with an unknown key");
        }

        var parameters = SignedTokens.Parameters(key, _options.ClockSkew);
        parameters.ValidIssuers = _issuers;
        parameters.ValidateAudience = true;
        parameters.ValidAudiences = [_options.MicrosoftAppId, $"api://{_options.MicrosoftAppId}"];
        var result = await SignedTokens.ValidateAsync(token, parameters);
        if (!result.Succeeded)
        {
            return result;
        }

        var appId = SignedTokens.StringClaim(token, "ver") switch
        {
            "1.0" => SignedTokens.StringClaim(token, "appid"),
            "2.0" => SignedTokens.StringClaim(token, "azp"),
            _ => null,
        };
        if (appId is null)
        {
            return AuthenticationResult.Fail("Entra token without a supported ver and its app id claim");
        }
        // App ids are GUIDs: their letter case carries no meaning.
        if (!string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("Entra token issued to another app");
        }
        if (!_replyServiceUrls.IsAllowed(activity.ServiceUrl))
        {
            return AuthenticationResult.Fail("Entra token with a serviceUrl that is neither Bot Framework's nor configured");
        }
        return AuthenticationResult.Success(SignedTokens.Identity(result.Identity!, appId, $"urn:botframework:aadappid:{appId}"));
    }
}
