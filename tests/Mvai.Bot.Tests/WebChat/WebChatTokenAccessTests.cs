using System.Net;
using System.Text.Json;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.WebChat;

/// <summary>Who may ask for a page token: origins, CORS answers and the per-IP rate limit.</summary>
public sealed class WebChatTokenAccessTests
{
    private const string IacpSite = "https://www.theiacp.example";

    private static Task<BotTestHost> StartAsync(int tokensPerMinute = 10) => BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["WebChat:AllowedOrigins:0"] = IacpSite,
        ["WebChat:TokensPerMinute"] = tokensPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static HttpRequestMessage TokenRequest(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/directline/token");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    [Fact]
    public async Task AllowedOrigin_GetsAToken_WithCorsHeadersForThatOriginOnly()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(TokenRequest(IacpSite));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IacpSite, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("user-", body.GetProperty("userId").GetString());
        Assert.Equal(new Uri(host.BaseAddress, "v3/directline").ToString(), body.GetProperty("domain").GetString());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://www.theiacp.example.evil.example")]
    [InlineData("http://www.theiacp.example")]
    public async Task OtherOrigin_Gets403_AndNoCorsHeader(string origin)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(TokenRequest(origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.DoesNotContain("token\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnOrigin_AndNoOrigin_GetTokens_WithoutCorsHeaders()
    {
        await using var host = await StartAsync();

        using var own = await host.Client.SendAsync(TokenRequest(host.BaseAddress.GetLeftPart(UriPartial.Authority)));
        using var none = await host.Client.SendAsync(TokenRequest(null));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.False(own.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_IsAnsweredForAllowedOrigins_Only()
    {
        await using var host = await StartAsync();

        using var allowed = await host.Client.SendAsync(Preflight("api/directline/token", IacpSite, "content-type"));
        using var refused = await host.Client.SendAsync(Preflight("api/directline/token", "https://evil.example", "content-type"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(IacpSite, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DirectLineApi_AnswersWebChatsPreflight_FromAllowedOrigins()
    {
        await using var host = await StartAsync();

        using var allowed = await host.Client.SendAsync(
            Preflight("v3/directline/conversations/abc/activities", IacpSite, "authorization,content-type,x-ms-bot-agent,x-requested-with"));
        using var refused = await host.Client.SendAsync(
            Preflight("v3/directline/conversations/abc/activities", "https://evil.example", "authorization,content-type,x-ms-bot-agent,x-requested-with"));

        Assert.Equal(IacpSite, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = allowed.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("x-ms-bot-agent", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("authorization", headers, StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task EleventhTokenWithinAMinute_Gets429_WithRetryAfter()
    {
        await using var host = await StartAsync(tokensPerMinute: 10);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await host.Client.SendAsync(TokenRequest(IacpSite));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        var retryAfter = last!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        last.Dispose();
    }

    private static HttpRequestMessage Preflight(string path, string origin, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }
}
