using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    private const string Secret = "conversation-tests-secret";

    [Fact]
    public async Task Start_WithAToken_Answers201_ForTheTokensConversation_WithAnAbsoluteStreamUrl()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();

        var (status, body) = await client.SendAsync(HttpMethod.Post, "conversations", token, """{"user":{"id":"user-test"}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(conversationId, body.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        var streamUrl = body.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", streamUrl);
    }

    [Fact]
    public async Task Start_WithTheSecret_CreatesANewConversation_AndGetGivesAFreshStreamUrl()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret });
        var client = new DirectLineClient(host);

        var (status, body) = await client.SendAsync(HttpMethod.Post, "conversations", Secret);
        Assert.Equal(HttpStatusCode.Created, status);
        var conversationId = body.GetProperty("conversationId").GetString()!;
        var token = body.GetProperty("token").GetString()!;

        var (getStatus, resumed) = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=3", token);
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.EndsWith("&watermark=3", resumed.GetProperty("streamUrl").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "conversations", null)).Status);
    }

    [Fact]
    public async Task UnknownConversation_Is404()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret });
        var client = new DirectLineClient(host);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetActivitiesAsync("no-such-conversation", Secret)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostMessageAsync("no-such-conversation", Secret, "hi")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, "conversations/no-such-conversation", Secret)).Status);
    }

    [Fact]
    public async Task MalformedOrIncompleteBodies_Are400_WithAReason()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();

        var malformed = await client.PostActivityAsync(conversationId, token, """{"type":"message","text":""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("not valid JSON", malformed.Body.GetProperty("error").GetProperty("message").GetString());

        var untyped = await client.PostActivityAsync(conversationId, token, """{"text":"hi"}""");
        Assert.Equal(HttpStatusCode.BadRequest, untyped.Status);
        Assert.Equal("MissingType", untyped.Body.GetProperty("error").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Post, "tokens/generate", null, "{nope")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetActivitiesAsync(conversationId, token, "abc")).Status);
    }

    [Fact]
    public async Task Upload_IsNotSupported_AndSaysSo()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();

        var (status, body) = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=user-test", token, "{}");

        Assert.Equal(HttpStatusCode.NotImplemented, status);
        Assert.Contains("not supported", body.GetProperty("error").GetProperty("message").GetString());
    }
}
