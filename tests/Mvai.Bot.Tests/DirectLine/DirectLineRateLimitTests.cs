using System.Net;
using System.Net.Http.Headers;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

/// <summary>Conversations per client address and activities per conversation: 429 with Retry-After above the limit.</summary>
public sealed class DirectLineRateLimitTests
{
    private static Task<BotTestHost> StartAsync(int conversationsPerMinute = 60, int activitiesPerMinute = 30) =>
        BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:ConversationsPerMinute"] = conversationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DirectLine:ActivitiesPerMinute"] = activitiesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task StartingMoreConversationsThanAllowed_FromOneAddress_Gets429_WithRetryAfter()
    {
        await using var host = await StartAsync(conversationsPerMinute: 3);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(i % 2 == 0
                ? (await Send(host, "v3/directline/conversations")).StatusCode
                : (await Send(host, "v3/directline/tokens/generate")).StatusCode);
        }
        using var refused = await Send(host, "v3/directline/conversations");
        using var refusedToken = await Send(host, "v3/directline/tokens/generate");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created], statuses);
        AssertTooManyRequests(refused);
        AssertTooManyRequests(refusedToken);
    }

    [Fact]
    public async Task PostingMoreActivitiesThanAllowed_InOneConversation_Gets429_OtherConversationsCarryOn()
    {
        await using var host = await StartAsync(activitiesPerMinute: 4);
        var client = new DirectLineClient(host);
        var (busy, busyToken) = await client.GenerateAsync("user-busy");
        var (quiet, quietToken) = await client.GenerateAsync("user-quiet");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostActivityAsync(busy, busyToken, """{"type":"typing"}""")).Status);
        }
        using var refused = await Post(host, $"v3/directline/conversations/{busy}/activities", busyToken, """{"type":"typing"}""");
        var other = await client.PostActivityAsync(quiet, quietToken, """{"type":"typing"}""");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 4), statuses);
        AssertTooManyRequests(refused);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Defaults_LetAPersonChatFreely_ThirtyMessagesAMinute()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.PostActivityAsync(conversationId, token, """{"type":"typing"}""")).Status);
        }
        using var thirtyFirst = await Post(host, $"v3/directline/conversations/{conversationId}/activities", token, """{"type":"typing"}""");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 30), statuses);
        AssertTooManyRequests(thirtyFirst);
    }

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    private static Task<HttpResponseMessage> Send(BotTestHost host, string path) =>
        host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path));

    private static Task<HttpResponseMessage> Post(BotTestHost host, string path, string token, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Client.SendAsync(request);
    }
}
