using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>
/// A browser that has cached an advisor's Basic credentials sends them with cross-site requests too, so Basic is no
/// exception to the forgery checks: a change needs the console header and our own origin, and browsers are never
/// given a Basic challenge to cache credentials from in the first place.
/// </summary>
public sealed class CrossSiteBasicTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task BasicChanges_FromAnotherSite_AreRefused(string header, string value)
    {
        using var script = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/advisor/cases/any-case/claim");
        request.Headers.Add(header, value);

        using var response = await script.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BasicChanges_WithoutTheConsoleHeader_AreRefused_AsAFormPostWouldBe()
    {
        using var browser = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret, consoleHeader: false);

        using var claim = await browser.PostAsync("api/advisor/cases/any-case/claim");
        using var read = await browser.GetAsync("api/advisor/me");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (claim.StatusCode, read.StatusCode));
    }

    [Fact]
    public async Task BasicChanges_FromAScriptWithTheConsoleHeader_GoThrough()
    {
        using var script = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        using var claim = await script.PostAsync("api/advisor/cases/any-case/claim");

        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
    }

    [Fact]
    public async Task BrowserNavigation_IsNotGivenABasicChallenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/advisor/queue");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }
}
