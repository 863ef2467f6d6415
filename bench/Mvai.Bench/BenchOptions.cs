using System.Globalization;

namespace Mvai.Bench;

/// <summary>
/// Command line: <c>--conversations 1,8,64 --seconds 10 --warmup 2 --scenario intake,mix --storage sqlite|postgres
/// --postgres &lt;connection string&gt; --steps --recognizers --allocations</c>.
/// </summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<ConversationScript> Scenarios,
    string Storage,
    string? PostgresConnectionString,
    bool Steps,
    bool Recognizers,
    bool Allocations)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Read(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var levels = List(Read("--conversations") ?? "1,8,64").Select(level => int.Parse(level, CultureInfo.InvariantCulture)).ToList();
        var seconds = int.Parse(Read("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Read("--warmup") ?? "2", CultureInfo.InvariantCulture);
        var scenarios = List(Read("--scenario") ?? "intake,mix").Select(ConversationScript.Named).ToList();
        var storage = (Read("--storage") ?? "sqlite").ToLowerInvariant();
        var postgres = Read("--postgres");
        if (storage is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--storage must be sqlite or postgres, not '{storage}'.");
        }
        if (storage == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            throw new ArgumentException("--storage postgres needs --postgres \"Host=127.0.0.1;Port=5432;Database=...;Username=...\" (a scratch database: the bench fills it).");
        }
        return new BenchOptions(levels, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), scenarios, storage, postgres,
            args.Contains("--steps"), args.Contains("--recognizers"), args.Contains("--allocations"));
    }

    /// <summary>The configuration the bot starts with: the chosen storage, and logging quiet enough not to be measured.</summary>
    public Dictionary<string, string?> BotConfiguration(string sqliteFile) => new()
    {
        ["Storage:Provider"] = Storage == "postgres" ? "Postgres" : "Sqlite",
        ["Storage:ConnectionString"] = Storage == "postgres" ? PostgresConnectionString : $"Data Source={sqliteFile}",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
