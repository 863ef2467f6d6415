using Microsoft.IdentityModel.Tokens;
using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Authentication.Fakes;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>Channel-signed tokens (issuer api.botframework.com) through the real /api/messages endpoint.</summary>
public sealed class ChannelTokenTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    private const string AppId = AuthenticatedBotFixture.AppId;

    [Fact]
    public async Task ChannelToken_Valid_IsAcceptedAndAnswered()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl);

        var replies = await bot.SendAcceptedAsync(activity, "Bearer " + token);

        Assert.Equal(AssistantMessages.Fallback, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task ChannelToken_ExpiredWithinClockSkew_IsAccepted()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-2));

        Assert.Single(await bot.SendAcceptedAsync(activity, "Bearer " + token));
    }

    [Fact]
    public async Task ChannelToken_ExpiredBeyondClockSkew_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-6));

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_SignedWithRs512_IsAccepted()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, algorithm: SecurityAlgorithms.RsaSha512);

        Assert.Single(await bot.SendAcceptedAsync(activity, "Bearer " + token));
    }

    [Fact]
    public async Task ChannelToken_SignedWithRsaPssAlgorithm_Is401()
    {
        // A valid signature by the published key, but PS256 is not one of the algorithms Bot Framework uses.
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, algorithm: SecurityAlgorithms.RsaSsaPssSha256);

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_WrongIssuer_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, issuer: "https://api.botframework.example");

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_WrongAudience_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken("9d0c6b1a-1111-4c2d-8e3f-000000000000", activity.ServiceUrl);

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_SignedWithUnpublishedKey_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, key: new TestSigningKey(["test"]));

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_KeyNotEndorsedForTheChannel_Is401()
    {
        var teamsOnly = bot.Metadata.TeamsOnlyKey;
        var activity = bot.NewMessage(channelId: "test");
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, key: teamsOnly);

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_KeyEndorsedForTheChannel_IsAcceptedOnThatChannel()
    {
        var teamsOnly = bot.Metadata.TeamsOnlyKey;
        var activity = bot.NewMessage(channelId: "msteams");
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, key: teamsOnly);

        Assert.Single(await bot.SendAcceptedAsync(activity, "Bearer " + token));
    }

    [Fact]
    public async Task ChannelToken_KeyWithoutEndorsements_Is401()
    {
        var bare = bot.Metadata.UnendorsedKey;
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl, key: bare);

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_ServiceUrlClaimForAnotherHost_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, "https://smba.trafficmanager.net/emea/");

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_WithoutServiceUrlClaim_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, serviceUrl: null);

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + token);
    }

    [Fact]
    public async Task ChannelToken_ServiceUrlDiffersOnlyInCase_IsAccepted()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl!.ToUpperInvariant());

        Assert.Single(await bot.SendAcceptedAsync(activity, "Bearer " + token));
    }
}
