using System.Net;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>The console page is plain files from the app itself, served with headers that keep it from being framed or injected.</summary>
public sealed class AdvisorPageTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("advisor", "text/html")]
    [InlineData("advisor/advisor.js", "text/javascript")]
    [InlineData("advisor/case-panel.js", "text/javascript")]
    [InlineData("advisor/advisor.css", "text/css")]
    public async Task ConsoleFiles_CarryTheSecurityHeaders(string path, string mediaType)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task ConsolePage_HasNoInlineScriptAndNothingFromOtherSites()
    {
        var html = await _host.Client.GetStringAsync("advisor/");

        Assert.Contains("<script type=\"module\" src=\"advisor.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public async Task TheAssistantPage_IsLeftAsItWas()
    {
        using var response = await _host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The chat page has its own policy (WebPageHeadersTests), not the console's, and may be framed by embedding sites.
        Assert.NotEqual(AdvisorPageHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }
}
