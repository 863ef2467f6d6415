using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task Generate_WithoutASecret_IsAllowedFromLoopback_AndReturnsTheShape()
    {
        await using var host = await BotTestHost.StartAsync();
        var (status, body) = await new DirectLineClient(host).SendAsync(HttpMethod.Post, "tokens/generate", bearer: null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.EndsWith("-dl", body.GetProperty("conversationId").GetString());
        Assert.Equal(3, body.GetProperty("token").GetString()!.Split('.').Length);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Generate_WithASecretConfigured_NeedsTheSecret()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:Secret"] = "s3cret-for-tests" });
        var client = new DirectLineClient(host);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "tokens/generate", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "tokens/generate", "wrong")).Status);
        var (conversationId, token) = await client.GenerateAsync(secret: "s3cret-for-tests");
        // A token cannot mint more tokens.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "tokens/generate", token)).Status);
        Assert.False(string.IsNullOrEmpty(conversationId));
    }

    [Fact]
    public async Task Refresh_GivesANewTokenForTheSameConversation()
    {
        var clock = new ManualClock();
        await using var host = await BotTestHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();

        clock.Now += TimeSpan.FromMinutes(20);
        var (status, body) = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(conversationId, body.GetProperty("conversationId").GetString());
        var refreshed = body.GetProperty("token").GetString()!;
        Assert.NotEqual(token, refreshed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetActivitiesAsync(conversationId, refreshed)).Status);
    }

    [Fact]
    public async Task ExpiredToken_Is403_ForRefreshAndForTheConversation()
    {
        var clock = new ManualClock();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:05:00" },
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetActivitiesAsync(conversationId, token)).Status);

        clock.Now += TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

        var refresh = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.Status);
        Assert.Equal("TokenExpired", refresh.Body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(conversationId, token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostMessageAsync(conversationId, token, "hi")).Status);
    }

    [Fact]
    public async Task Token_IsScopedToItsConversation()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationA, tokenA) = await client.GenerateAsync();
        var (conversationB, _) = await client.GenerateAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetActivitiesAsync(conversationA, tokenA)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(conversationB, tokenA)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostMessageAsync(conversationB, tokenA, "hi")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationB}", tokenA)).Status);
    }

    [Fact]
    public async Task ForgedOrMissingCredentials_AreRejected()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetActivitiesAsync(conversationId, null!)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(conversationId, forged)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(conversationId, "not-a-token")).Status);
    }
}
