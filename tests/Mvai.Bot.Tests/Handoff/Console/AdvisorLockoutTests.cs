using System.Net;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>Guessing is slowed and then paused per account; with no way to sign in at all, the console is shut.</summary>
public sealed class AdvisorLockoutTests
{
    [Fact]
    public async Task AfterTooManyWrongPasswords_TheAccountIsPaused_EvenForTheRightOne_WhileOthersStillSignIn()
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(TestAdvisors.OnDuty(new Dictionary<string, string?>
        {
            ["Advisors:MaxFailedSignIns"] = "3",
            ["Advisors:FailedSignInDelay"] = "00:00:00.010",
        }), configure: b => b.Logging.AddProvider(logs));
        using var client = AdvisorClient.WithSession(host);

        var statuses = new List<HttpStatusCode>();
        foreach (var secret in new[] { "guess-1", "guess-2", "guess-3", TestAdvisors.AliceSecret })
        {
            using var response = await client.SignInAsync(TestAdvisors.AliceId, secret);
            statuses.Add(response.StatusCode);
        }
        using var bob = await client.SignInAsync(TestAdvisors.BobId, TestAdvisors.BobSecret);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), statuses);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("An advisor account is paused for 00:05:00 after 3 failed sign-ins", StringComparison.Ordinal));
        // Who tried and with what never reaches the log.
        Assert.DoesNotContain(logs.Lines, l => l.Contains(TestAdvisors.AliceId, StringComparison.Ordinal) || l.Contains("guess-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAccountsOrEntra_TheConsoleRefusesEveryone_AndSaysSoAtStart()
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(configure: b => b.Logging.AddProvider(logs));
        using var client = AdvisorClient.WithSession(host);

        using var signIn = await client.SignInAsync("admin", "admin");
        using var queue = await host.Client.GetAsync("api/advisor/queue");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (signIn.StatusCode, queue.StatusCode));
        Assert.Contains(logs.Lines, l => l.Contains("The advisor console is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedSecretHash_StopsTheAppAtStart()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Advisors:Accounts:0:Id"] = "carol",
            ["Advisors:Accounts:0:DisplayName"] = "Carol",
            ["Advisors:Accounts:0:SecretHash"] = "plain-text-password",
        }));

        Assert.Contains("Advisors:Accounts:0:SecretHash", exception.Message, StringComparison.Ordinal);
    }
}
