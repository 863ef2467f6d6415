using System.Net;
using System.Text.Json;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.WebChat;

public sealed class WebChatTokenEndpointTests
{
    [Fact]
    public async Task PageToken_StartsAConversation_ForAFreshAnonymousUser()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:Secret"] = "page-test-secret" });

        using var first = await host.Client.PostAsync("api/directline/token", null);
        using var second = await host.Client.PostAsync("api/directline/token", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("user-", a.GetProperty("userId").GetString());
        Assert.NotEqual(a.GetProperty("userId").GetString(), b.GetProperty("userId").GetString());
        Assert.NotEqual(a.GetProperty("conversationId").GetString(), b.GetProperty("conversationId").GetString());
        Assert.Equal(1800, a.GetProperty("expires_in").GetInt32());

        var conversationId = a.GetProperty("conversationId").GetString()!;
        var (status, _) = await new DirectLineClient(host).GetActivitiesAsync(conversationId, a.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task HomePage_IsTheMvaiAssistantChat_WithTheLocalBundle()
    {
        await using var host = await BotTestHost.StartAsync();

        var html = await host.Client.GetStringAsync("/");

        Assert.Contains("<title>MVAI Assistant</title>", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("src=\"lib/webchat.js\"", html);
        Assert.Contains("911", html);
        Assert.DoesNotContain("cdn.botframework.com", html);
    }
}
