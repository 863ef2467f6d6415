using System.Net;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>No app id: the bot runs for local development and takes unauthenticated loopback callers.</summary>
public sealed class DevelopmentModeTests
{
    [Fact]
    public async Task DevelopmentMode_AnonymousLoopbackRequest_IsAnswered()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" });

        Assert.Single(await new Conversation(host).SayAsync("hello"));
    }

    [Fact]
    public async Task AppIdSet_AnonymousLoopbackRequest_Is401()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = AuthenticatedBotFixture.AppId });
        var activity = new Conversation(host).NewActivity(ActivityTypes.Message);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
