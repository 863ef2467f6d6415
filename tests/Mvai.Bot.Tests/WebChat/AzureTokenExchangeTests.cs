using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.WebChat;

/// <summary>With <c>WebChat:DirectLineSecret</c> set, page tokens come from Azure's Direct Line and the secret stays on the server.</summary>
public sealed class AzureTokenExchangeTests
{
    private const string Secret = "azure-dl-secret-NEVER-IN-BROWSER";
    private const string IacpSite = "https://www.theiacp.example";

    private static Task<BotTestHost> StartAsync(AzureDirectLineFake azure) => BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["WebChat:DirectLineSecret"] = Secret,
        ["WebChat:DirectLineEndpoint"] = azure.BaseAddress.ToString(),
        ["WebChat:AllowedOrigins:0"] = IacpSite,
        ["WebChat:DirectLineTimeout"] = "00:00:01",
    });

    private static HttpRequestMessage FromIacpSite() =>
        new(HttpMethod.Post, "api/directline/token") { Headers = { { "Origin", IacpSite } } };

    [Fact]
    public async Task PageToken_IsAzuresToken_BoundToTheUser_AndTheTrustedOrigins()
    {
        await using var azure = await AzureDirectLineFake.StartAsync();
        await using var host = await StartAsync(azure);

        using var response = await host.Client.SendAsync(FromIacpSite());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(text).RootElement;
        Assert.Equal("azure.token.value", page.GetProperty("token").GetString());
        Assert.Equal("AzConv123-us", page.GetProperty("conversationId").GetString());
        Assert.Equal(3600, page.GetProperty("expires_in").GetInt32());
        Assert.Equal(new Uri(azure.BaseAddress, "v3/directline").ToString(), page.GetProperty("domain").GetString());

        var (authorization, body) = Assert.Single(azure.Requests);
        Assert.Equal($"Bearer {Secret}", authorization);
        Assert.Equal(page.GetProperty("userId").GetString(), (string?)body!["user"]!["id"]);
        Assert.StartsWith("user-", (string?)body["user"]!["id"]);
        Assert.Equal([IacpSite], body["trustedOrigins"]!.AsArray().Select(origin => (string?)origin));

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, response.Headers.ToString() + response.Content.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureRefusing_Gives502_WithASafeMessage()
    {
        await using var azure = await AzureDirectLineFake.StartAsync();
        azure.Status = 500;
        await using var host = await StartAsync(azure);

        using var response = await host.Client.SendAsync(FromIacpSite());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("unavailable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureHanging_Gives502_WithinTheTimeout()
    {
        await using var azure = await AzureDirectLineFake.StartAsync();
        azure.Delay = TimeSpan.FromSeconds(20);
        await using var host = await StartAsync(azure);

        var watch = Stopwatch.StartNew();
        using var response = await host.Client.SendAsync(FromIacpSite());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AzureUnreachable_Gives502()
    {
        var azure = await AzureDirectLineFake.StartAsync();
        await azure.DisposeAsync();
        await using var host = await StartAsync(azure);

        using var response = await host.Client.SendAsync(FromIacpSite());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }
}
