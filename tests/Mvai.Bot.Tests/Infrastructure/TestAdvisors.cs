using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Two advisor accounts configured the way an operator would, with real PBKDF2 hashes of their secrets.</summary>
public static class TestAdvisors
{
    public const string AliceId = "alice";
    public const string AliceName = "Alice Morgan";
    public const string AliceSecret = "alice-correct-horse-battery";
    public const string BobId = "bob";
    public const string BobName = "Bob Reyes";
    public const string BobSecret = "bob-staple-paper-clip";

    /// <summary>The accounts only: hashed once per test run, at the lowest accepted cost to keep tests quick.</summary>
    public static IReadOnlyDictionary<string, string?> Accounts { get; } = new Dictionary<string, string?>
    {
        ["Advisors:Accounts:0:Id"] = AliceId,
        ["Advisors:Accounts:0:DisplayName"] = AliceName,
        ["Advisors:Accounts:0:SecretHash"] = AdvisorSecretHash.Create(AliceSecret, AdvisorSecretHash.MinimumIterations),
        ["Advisors:Accounts:1:Id"] = BobId,
        ["Advisors:Accounts:1:DisplayName"] = BobName,
        ["Advisors:Accounts:1:SecretHash"] = AdvisorSecretHash.Create(BobSecret, AdvisorSecretHash.MinimumIterations),
    };

    /// <summary>The accounts with the advisor desk open around the clock, so handoffs go to the queue.</summary>
    public static Dictionary<string, string?> OnDuty(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(DeskHours.AlwaysOpen);
        foreach (var (key, value) in Accounts.Concat(more ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }
        return settings;
    }
}
