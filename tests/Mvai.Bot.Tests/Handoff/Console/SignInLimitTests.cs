using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>
/// Every sign-in attempt costs a PBKDF2 hash, so attempts are rate limited per client address and per account, and the
/// lockout counts failures per account and client address, so knowing an advisor's id is not enough to lock them out.
/// </summary>
public sealed class SignInLimitTests
{
    private static readonly IPAddress Mallory = IPAddress.Parse("192.0.2.66");
    private static readonly IPAddress AlicesDesk = IPAddress.Parse("198.51.100.7");

    [Fact]
    public async Task AttemptsAboveTheLimitForAClientAddress_Get429WithRetryAfter_EvenWithTheRightSecret()
    {
        await using var host = await BotTestHost.StartAsync(TestAdvisors.OnDuty(new Dictionary<string, string?>
        {
            ["Advisors:SignInAttemptsPerMinute"] = "3",
            ["Advisors:FailedSignInDelay"] = "00:00:00",
        }));
        using var page = AdvisorClient.WithSession(host);
        var statuses = new List<HttpStatusCode>();
        foreach (var id in new[] { "guess-a", "guess-b", "guess-c" })
        {
            using var response = await page.SignInAsync(id, "whatever-secret");
            statuses.Add(response.StatusCode);
        }

        using var session = await page.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        using var script = AdvisorClient.WithBasic(host, TestAdvisors.BobId, TestAdvisors.BobSecret);
        using var basic = await script.GetAsync("api/advisor/queue");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), statuses);
        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (session.StatusCode, basic.StatusCode));
        Assert.True(session.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After on the session sign-in");
        Assert.True(basic.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After on the Basic request");
    }

    [Fact]
    public async Task AScriptSendingBasicWithEveryRequest_PaysForOneSignIn_NotOnePerRequest()
    {
        await using var host = await BotTestHost.StartAsync(TestAdvisors.OnDuty(new Dictionary<string, string?>
        {
            ["Advisors:SignInAttemptsPerMinute"] = "2",
        }));
        using var script = AdvisorClient.WithBasic(host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await script.GetAsync("api/advisor/me");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses);
    }

    [Theory]
    [InlineData(TestAdvisors.AliceId)]
    [InlineData("no-such-advisor")]
    public async Task AttemptsForOneAccount_AreLimitedAcrossAddresses_TheSameForUnknownIds(string id)
    {
        var accounts = CreateSut(accountAttemptsPerMinute: 3);

        var results = new List<bool>();
        for (var i = 1; i <= 4; i++)
        {
            var result = await accounts.SignInAsync(id, "wrong-secret", IPAddress.Parse($"192.0.2.{i}"), "test", default);
            results.Add(result.RetryAfter is not null);
        }

        Assert.Equal([false, false, false, true], results);
    }

    [Fact]
    public async Task FailuresFromOneAddress_PauseTheAccountThere_NotForTheAdvisorElsewhere()
    {
        var accounts = CreateSut(maxFailedSignIns: 2);
        await accounts.SignInAsync(TestAdvisors.AliceId, "guess-1", Mallory, "test", default);
        await accounts.SignInAsync(TestAdvisors.AliceId, "guess-2", Mallory, "test", default);

        var fromMallory = await accounts.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret, Mallory, "test", default);
        var fromAlicesDesk = await accounts.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret, AlicesDesk, "test", default);

        Assert.Null(fromMallory.Advisor);
        Assert.Equal(TestAdvisors.AliceId, fromAlicesDesk.Advisor?.Id);
    }

    private static AdvisorAccountDirectory CreateSut(int maxFailedSignIns = 5, int accountAttemptsPerMinute = 100)
    {
        var options = Options.Create(new AdvisorConsoleOptions
        {
            Accounts =
            [
                new AdvisorAccount
                {
                    Id = TestAdvisors.AliceId,
                    DisplayName = TestAdvisors.AliceName,
                    SecretHash = TestAdvisors.Accounts["Advisors:Accounts:0:SecretHash"]!,
                },
            ],
            MaxFailedSignIns = maxFailedSignIns,
            SignInAttemptsPerMinute = 100,
            AccountSignInAttemptsPerMinute = accountAttemptsPerMinute,
            FailedSignInDelay = TimeSpan.Zero,
        });
        return new AdvisorAccountDirectory(options, new AdvisorSignInLimits(options), new ManualClock(), NullLogger<AdvisorAccountDirectory>.Instance);
    }
}
