using Mvai.Bench.LoadClient;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bench;

/// <summary>
/// What the app under load is configured with, in or out of the bench's process: the chosen storage, logging at
/// Warning (as deployed; the bench must not measure console logging), advisor hours open around the clock (the
/// handoff waits in the queue for the bench's advisor, and the intake's last reply, which offers an advisor on duty,
/// does not change with the hour the bench runs) and one advisor account.
/// </summary>
internal static class BenchAppSettings
{
    /// <summary>The bench advisor's secret, new for each bench run.</summary>
    public static string AdvisorSecret { get; } = $"bench-{Guid.NewGuid():N}";

    public static Dictionary<string, string?> Create(BenchOptions options, string? sqliteFile, string advisorSecretHash)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:Provider"] = options.Storage == "postgres" ? "Postgres" : "Sqlite",
            ["Storage:ConnectionString"] = options.Storage == "postgres" ? options.PostgresConnectionString : $"Data Source={sqliteFile}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Advisors:Accounts:0:Id"] = AdvisorClient.AccountId,
            ["Advisors:Accounts:0:DisplayName"] = AdvisorClient.DisplayName,
            ["Advisors:Accounts:0:SecretHash"] = advisorSecretHash,
        };
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            settings[$"Handoff:Hours:Weekly:{day}"] = "00:00-24:00";
        }
        return settings;
    }

    /// <summary>The hash the app's account needs, made by the app's own <c>hash-advisor-secret</c> command.</summary>
    public static string HashAdvisorSecret()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HashAdvisorSecretCommand.Run(new StringReader(AdvisorSecret + "\n"), output, error, interactive: false);
        return exitCode == 0 ? output.ToString().Trim() : throw new InvalidOperationException($"hash-advisor-secret failed: {error}");
    }
}
