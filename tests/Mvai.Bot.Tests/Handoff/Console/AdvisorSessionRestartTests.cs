using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>Sessions survive an app restart, except for advisors whose account was removed meanwhile.</summary>
public sealed class AdvisorSessionRestartTests
{
    [Fact]
    public async Task AfterARestart_SessionsOfRemainingAccountsWork_AndARemovedAccountsSessionIsRefused()
    {
        var keys = Path.Combine(Path.GetTempPath(), "mvai-tests", "keys-" + Guid.NewGuid().ToString("N"));
        var sessionKeys = new Dictionary<string, string?> { ["Advisors:SessionKeysDirectory"] = keys };
        string aliceCookie, bobCookie;
        await using (var before = await BotTestHost.StartAsync(TestAdvisors.OnDuty(sessionKeys)))
        {
            aliceCookie = await SignInAsync(before, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
            bobCookie = await SignInAsync(before, TestAdvisors.BobId, TestAdvisors.BobSecret);
        }

        // Alice's account is taken out of the configuration: only Bob (now the first account) remains.
        var onlyBob = new Dictionary<string, string?>(DeskHours.AlwaysOpen)
        {
            ["Advisors:SessionKeysDirectory"] = keys,
            ["Advisors:Accounts:0:Id"] = TestAdvisors.BobId,
            ["Advisors:Accounts:0:DisplayName"] = TestAdvisors.BobName,
            ["Advisors:Accounts:0:SecretHash"] = TestAdvisors.Accounts["Advisors:Accounts:1:SecretHash"],
        };
        await using var after = await BotTestHost.StartAsync(onlyBob);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(after, bobCookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(after, aliceCookie));
    }

    private static async Task<string> SignInAsync(BotTestHost host, string id, string secret)
    {
        using var client = AdvisorClient.WithSession(host);
        using var response = await client.SignInAsync(id, secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<HttpStatusCode> MeAsync(BotTestHost host, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/advisor/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
