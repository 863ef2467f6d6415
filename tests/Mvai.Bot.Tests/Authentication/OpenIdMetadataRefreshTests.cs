using Microsoft.Extensions.Logging.Abstractions;
using Mvai.BotFramework.Authentication;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>Signing keys rotate: unknown key ids refetch the metadata, but not more than once per 30 seconds.</summary>
public sealed class OpenIdMetadataRefreshTests
{
    [Fact]
    public async Task Bot_KeyRotatedInAfterStartup_IsPickedUpOnFirstUse()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(AuthenticatedBotFixture.Settings(metadata));
        var chat = new Conversation(host);
        Assert.Equal(200, await PostAsync(host, chat, metadata, metadata.ChannelKey));

        var rotated = metadata.RotateChannelKey();

        Assert.Equal(200, await PostAsync(host, chat, metadata, rotated));
        Assert.Equal(2, metadata.ChannelKeySetRequests);
    }

    [Fact]
    public async Task Cache_UnknownKeys_RefetchImmediatelyThenAtMostOncePer30Seconds()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        var clock = new ManualClock();
        using var cache = Cache(metadata.ChannelMetadataUrl, requireHttps: false, clock);
        Assert.NotNull(await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None));
        Assert.Equal(1, metadata.ChannelKeySetRequests);

        Assert.Null(await cache.FindKeyAsync("made-up-1", CancellationToken.None));
        Assert.Equal(2, metadata.ChannelKeySetRequests);

        var added = metadata.AddChannelKey("test");
        Assert.Null(await cache.FindKeyAsync(added.KeyId, CancellationToken.None));
        Assert.Equal(2, metadata.ChannelKeySetRequests);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await cache.FindKeyAsync(added.KeyId, CancellationToken.None));
        Assert.Equal(3, metadata.ChannelKeySetRequests);
    }

    [Fact]
    public async Task Cache_KnownKeys_AreServedFromCacheUntilADayHasPassed()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        var clock = new ManualClock();
        using var cache = Cache(metadata.ChannelMetadataUrl, requireHttps: false, clock);

        await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(23));
        await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None);
        Assert.Equal(1, metadata.ChannelKeySetRequests);

        clock.Advance(TimeSpan.FromHours(2));
        await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None);
        Assert.Equal(2, metadata.ChannelKeySetRequests);
    }

    [Fact]
    public async Task Cache_HttpMetadataWhenHttpsRequired_IsRefusedWithoutFetching()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        using var cache = Cache(metadata.ChannelMetadataUrl, requireHttps: true, TimeProvider.System);

        Assert.Null(await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None));
        Assert.Equal(0, metadata.ChannelKeySetRequests);
    }

    [Fact]
    public async Task Cache_EndorsementsOfPublishedKey_SurviveParsing()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        using var cache = Cache(metadata.ChannelMetadataUrl, requireHttps: false, TimeProvider.System);

        var key = await cache.FindKeyAsync(metadata.ChannelKey.KeyId, CancellationToken.None);

        Assert.Equal(metadata.ChannelKey.Endorsements, SignedTokens.Endorsements(key!));
    }

    private static OpenIdMetadataCache Cache(string url, bool requireHttps, TimeProvider clock) => new(
        url, requireHttps, new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
        clock, NullLogger.Instance);

    private static async Task<int> PostAsync(BotTestHost host, Conversation chat, OpenIdMetadataServer metadata, TestSigningKey key)
    {
        var activity = chat.NewActivity(BotFramework.Protocol.ActivityTypes.Message);
        activity.Text = "hello";
        activity.DeliveryMode = BotFramework.Protocol.DeliveryModes.ExpectReplies;
        using var response = await host.PostActivityAsync(activity, "Bearer " + metadata.ChannelToken(AuthenticatedBotFixture.AppId, activity.ServiceUrl, key));
        return (int)response.StatusCode;
    }
}
