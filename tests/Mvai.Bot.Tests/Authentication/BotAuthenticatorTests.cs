using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Authentication.Fakes;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>BotAuthenticator called directly: what it puts on the identity, and development mode's address rule.</summary>
public sealed class BotAuthenticatorTests
{
    private static readonly Activity Message = new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        ServiceUrl = "http://127.0.0.1:9/unused-connector",
    };

    [Fact]
    public async Task DevelopmentMode_NonLoopbackCaller_Fails()
    {
        using var authenticator = Create(new BotAuthenticationOptions());

        var result = await authenticator.AuthenticateAsync(null, Message, IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task DevelopmentMode_LoopbackCaller_IsAnonymous(string address)
    {
        using var authenticator = Create(new BotAuthenticationOptions());

        var result = await authenticator.AuthenticateAsync(null, Message, IPAddress.Parse(address), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Null(result.Identity!.FindFirst(BotClaims.CallerId));
    }

    [Fact]
    public async Task DevelopmentMode_UnknownCallerAddress_Fails()
    {
        using var authenticator = Create(new BotAuthenticationOptions());

        Assert.False((await authenticator.AuthenticateAsync(null, Message, null, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task AppIdSet_LoopbackCallerWithoutToken_Fails()
    {
        using var authenticator = Create(new BotAuthenticationOptions { MicrosoftAppId = AuthenticatedBotFixture.AppId });

        Assert.False((await authenticator.AuthenticateAsync(null, Message, IPAddress.Loopback, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task ChannelToken_Valid_IdentityCarriesAzureCallerIdAppIdAndServiceUrl()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        using var authenticator = Create(Options(metadata));
        var token = metadata.ChannelToken(AuthenticatedBotFixture.AppId, Message.ServiceUrl);

        var result = await authenticator.AuthenticateAsync("Bearer " + token, Message, IPAddress.Loopback, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(BotClaims.AzureChannelCallerId, result.Identity!.FindFirst(BotClaims.CallerId)?.Value);
        Assert.Equal(AuthenticatedBotFixture.AppId, result.Identity.FindFirst(BotClaims.AppId)?.Value);
        Assert.Equal(Message.ServiceUrl, result.Identity.FindFirst(BotClaims.ServiceUrl)?.Value);
    }

    [Fact]
    public async Task UnknownIssuer_FailsWithoutFetchingAnyKeys()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        using var authenticator = Create(Options(metadata));
        var token = metadata.ChannelToken(AuthenticatedBotFixture.AppId, Message.ServiceUrl, issuer: "https://issuer.example");

        var result = await authenticator.AuthenticateAsync("Bearer " + token, Message, IPAddress.Loopback, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, metadata.ChannelKeySetRequests);
    }

    [Fact]
    public async Task EntraV1Token_Valid_CallerIdNamesTheApp()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        using var authenticator = Create(Options(metadata));
        var token = OpenIdMetadataServer.Sign(metadata.EntraKey, "https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/",
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AuthenticatedBotFixture.AppId, ["aud"] = AuthenticatedBotFixture.AppId });

        var result = await authenticator.AuthenticateAsync("Bearer " + token, Message, IPAddress.Loopback, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal($"urn:botframework:aadappid:{AuthenticatedBotFixture.AppId}", result.Identity!.FindFirst(BotClaims.CallerId)?.Value);
    }

    private static BotAuthenticationOptions Options(OpenIdMetadataServer metadata) => new()
    {
        MicrosoftAppId = AuthenticatedBotFixture.AppId,
        ChannelOpenIdMetadataUrl = metadata.ChannelMetadataUrl,
        EntraOpenIdMetadataUrl = metadata.EntraMetadataUrl,
        RequireHttpsMetadata = false,
        AllowedServiceUrls = ["http://127.0.0.1:9"],
    };

    private static BotAuthenticator Create(BotAuthenticationOptions options) => new(
        Microsoft.Extensions.Options.Options.Create(options),
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
        TimeProvider.System,
        NullLogger<BotAuthenticator>.Instance);
}
