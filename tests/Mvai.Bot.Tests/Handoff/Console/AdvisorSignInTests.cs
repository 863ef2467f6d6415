using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>The console API is never anonymous: accounts sign in with Basic or a session cookie, and nothing else gets in.</summary>
public sealed class AdvisorSignInTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("api/advisor/queue")]
    [InlineData("api/advisor/me")]
    [InlineData("api/advisor/cases/any-case")]
    [InlineData("api/advisor/cases/any-case/messages")]
    public async Task ApiWithoutCredentials_Is401_WithABasicChallenge(string path)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic" && h.Parameter!.Contains("MVAI advisor console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangesWithoutCredentials_Are401()
    {
        using var client = AdvisorClient.WithSession(_host);

        using var claim = await client.PostAsync("api/advisor/cases/any-case/claim");
        using var reply = await client.PostAsync("api/advisor/cases/any-case/messages", new { text = "hello" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (claim.StatusCode, reply.StatusCode));
    }

    [Fact]
    public async Task BasicWithTheWrongPassword_Is401()
    {
        using var client = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, "not-alices-secret");

        using var response = await client.GetAsync("api/advisor/queue");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task BasicWithAnUnknownAdvisor_Is401()
    {
        using var client = AdvisorClient.WithBasic(_host, "mallory", TestAdvisors.AliceSecret);

        using var response = await client.GetAsync("api/advisor/queue");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BasicWithTheRightPassword_OpensTheApi()
    {
        using var client = AdvisorClient.WithBasic(_host, TestAdvisors.BobId, TestAdvisors.BobSecret);

        var me = await client.JsonAsync("api/advisor/me");
        var queue = await client.QueueAsync();

        Assert.Equal((TestAdvisors.BobId, TestAdvisors.BobName), ((string?)me["id"], (string?)me["displayName"]));
        Assert.Empty(queue);
    }

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlySessionCookie_ThatOpensTheApi()
    {
        using var client = AdvisorClient.WithSession(_host);

        using var signIn = await client.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mvai-advisor=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.JsonAsync("api/advisor/me");
        Assert.Equal(TestAdvisors.AliceName, (string?)me["displayName"]);
        Assert.Equal("account", (string?)me["signedInWith"]);
    }

    [Fact]
    public async Task SignInWithTheWrongPassword_Is401_AndSetsNoCookie()
    {
        using var client = AdvisorClient.WithSession(_host);

        using var signIn = await client.SignInAsync(TestAdvisors.AliceId, TestAdvisors.BobSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        var error = JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.StartsWith("Sign-in failed.", error, StringComparison.Ordinal);
        using var me = await client.GetAsync("api/advisor/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task ConsolePageRequests_AreNotGivenABasicChallenge_SoBrowsersShowNoPasswordPopUp()
    {
        using var client = AdvisorClient.WithSession(_host);

        using var response = await client.GetAsync("api/advisor/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Session", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = AdvisorClient.WithSession(_host);
        using var signIn = await client.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        using var signOut = await client.PostAsync("api/advisor/session/logout");
        using var me = await client.GetAsync("api/advisor/me");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Unauthorized), (signOut.StatusCode, me.StatusCode));
    }

    [Fact]
    public async Task CookieChanges_WithoutTheConsoleHeader_AreRefused_AsCrossSiteForgery()
    {
        using var page = AdvisorClient.WithSession(_host);
        using var signIn = await page.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var forged = AdvisorClient.WithSession(_host, consoleHeader: false);
        forged.Cookies!.Add(page.Cookies!.GetAllCookies());

        using var claim = await forged.PostAsync("api/advisor/cases/any-case/claim");
        using var read = await forged.GetAsync("api/advisor/me");
        using var signInWithoutHeader = await forged.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signInWithoutHeader.StatusCode);
    }

    [Fact]
    public async Task CookieChanges_FromAnotherOrigin_AreRefused()
    {
        using var client = AdvisorClient.WithSession(_host);
        using var signIn = await client.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/advisor/cases/any-case/claim");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
