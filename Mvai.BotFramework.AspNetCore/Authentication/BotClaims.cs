namespace Mvai.BotFramework.Authentication;

/// <summary>Claim types the authentication layer puts on a turn's identity.</summary>
public static class BotClaims
{
    /// <summary>The app id of the caller (the channel service or an Entra app).</summary>
    public const string AppId = "appid";

    /// <summary>Who called, in Bot Framework terms: <c>urn:botframework:azure</c> for channels.</summary>
    public const string CallerId = "botframework:callerId";

    /// <summary>The service URL the channel's token was issued for.</summary>
    public const string ServiceUrl = "serviceurl";

    public const string AzureChannelCallerId = "urn:botframework:azure";
}
