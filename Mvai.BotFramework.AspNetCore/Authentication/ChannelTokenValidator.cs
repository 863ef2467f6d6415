using Microsoft.IdentityModel.JsonWebTokens;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// Tokens the Bot Framework channels (Teams, Direct Line, Web Chat...) sign: audience is our app id, the
/// signing key must be endorsed for the activity's channel (so a key issued to one channel cannot speak
/// for another), and the token's serviceurl must be where the activity says replies go, so a stolen
/// token cannot redirect our authenticated replies to another host.
/// </summary>
internal sealed class ChannelTokenValidator(OpenIdMetadataCache keys, BotAuthenticationOptions options)
{
    public const string Issuer = "https://api.botframework.com";

    public async Task<AuthenticationResult> ValidateAsync(JsonWebToken token, Activity activity, CancellationToken cancellationToken)
    {
        var key = await keys.FindKeyAsync(token.Kid, cancellationToken);
        if (key is null)
        {
            return AuthenticationResult.Fail("channel token signed with an unknown key");
        }
        if (string.IsNullOrEmpty(activity.ChannelId) || !SignedTokens.Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return AuthenticationResult.Fail("signing key not endorsed for the activity's channel");
        }

        var parameters = SignedTokens.Parameters(key, options.ClockSkew);
        parameters.ValidIssuer = Issuer;
        parameters.ValidateAudience = true;
        parameters.ValidAudience = options.MicrosoftAppId;
        var result = await SignedTokens.ValidateAsync(token, parameters);
        if (!result.Succeeded)
        {
            return result;
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl)
            && !string.Equals(SignedTokens.StringClaim(token, BotClaims.ServiceUrl), activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("serviceurl claim missing or not the activity's serviceUrl");
        }
        return AuthenticationResult.Success(SignedTokens.Identity(result.Identity!, options.MicrosoftAppId!, BotClaims.AzureChannelCallerId));
    }
}
