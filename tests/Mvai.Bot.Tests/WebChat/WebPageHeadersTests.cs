using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.WebChat;

/// <summary>Security headers on the pages and files the app serves, and on its API answers.</summary>
public sealed class WebPageHeadersTests
{
    private const string IacpSite = "https://www.theiacp.example";

    private static Task<BotTestHost> StartAsync(string? directLineSecret = null) => BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["WebChat:AllowedOrigins:0"] = IacpSite + "/",
        ["WebChat:DirectLineSecret"] = directLineSecret,
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task ChatPage_HasAStrictPolicy_FrameableOnlyByUsAndTheEmbeddingSites(string path)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync(path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Policy(response);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains($"connect-src 'self' ws://{host.BaseAddress.Authority} wss://{host.BaseAddress.Authority};", policy);
        Assert.Contains($"frame-ancestors 'self' {IacpSite}", policy);
        Assert.Contains("base-uri 'none'", policy);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task ChatPage_WithAzureDirectLine_MayConnectToIt()
    {
        await using var host = await StartAsync(directLineSecret: "azure-direct-line-secret");

        using var response = await host.Client.GetAsync("");

        Assert.Contains("https://directline.botframework.com wss://directline.botframework.com;", Policy(response));
    }

    [Theory]
    [InlineData("embed.js")]
    [InlineData("lib/webchat.js")]
    public async Task FilesOtherSitesLoad_AreNotSniffed_AndMayBeLoadedAcrossOrigins(string path)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task AdvisorConsole_KeepsItsOwnStricterPolicy()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("advisor/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Policy(response);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task ApiAnswers_AreNotSniffed_AndCarryNoPagePolicy()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync("api/messages", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        AssertCommonHeaders(response);
    }

    [Theory]
    [InlineData("api/advisor/queue", null)]
    [InlineData("api/advisor/me", "Basic bm9ib2R5Ondyb25n")]
    public async Task TheConsolesAuthenticationChallenge_IsNotSniffed_AndSendsNoReferrer(string path, string? authorization)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task TheBrowsersTabIcon_IsServed()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], (await response.Content.ReadAsByteArrayAsync())[..4]);
        AssertCommonHeaders(response);
    }

    private static string Policy(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
