using System.Globalization;

namespace Mvai.Bench;

/// <summary>How the bench runs: against the published app in its own process (the default), or one of the aids.</summary>
internal enum BenchMode
{
    /// <summary>The published Release app started as its own process and driven over loopback: what is deployed.</summary>
    Deployed,

    /// <summary>A fresh app process under load from its first second, turns per second printed second by second.</summary>
    WarmStart,

    /// <summary>The app hosted inside the bench's own process: a profiling aid (GC, JIT, allocation by type), not a figure.</summary>
    InProcess,

    /// <summary>Only the text recognizers' and the safety screen's cost per call.</summary>
    Recognizers,
}

/// <summary>
/// Command line: <c>--conversations 1,8,64,256 --seconds 10 --warmup 5 --scenario intake,realistic,guidance,handoff
/// --storage sqlite|postgres --postgres &lt;connection string&gt; --app DIR --publish --publish-args "..." --env KEY=VALUE
/// --peer --warm-start --in-process --steps --allocations --recognizers</c>.
/// </summary>
internal sealed record BenchOptions(
    BenchMode Mode,
    IReadOnlyList<int> Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<ConversationScript> Scenarios,
    string Storage,
    string? PostgresConnectionString,
    bool Steps,
    bool Allocations,
    string? AppDirectory,
    bool Publish,
    IReadOnlyList<string> PublishArguments,
    IReadOnlyList<KeyValuePair<string, string>> AppEnvironment,
    bool Peer)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Read(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var mode = args.Contains("--recognizers") ? BenchMode.Recognizers
            : args.Contains("--in-process") ? BenchMode.InProcess
            : args.Contains("--warm-start") ? BenchMode.WarmStart
            : BenchMode.Deployed;
        var levels = List(Read("--conversations") ?? (mode == BenchMode.WarmStart ? "64" : "1,8,64,256")).Select(PositiveInteger).ToList();
        var seconds = PositiveInteger(Read("--seconds") ?? (mode == BenchMode.WarmStart ? "30" : "10"));
        var warmup = int.TryParse(Read("--warmup") ?? "5", NumberStyles.None, CultureInfo.InvariantCulture, out var warm)
            ? warm : throw new ArgumentException("--warmup takes whole seconds, 0 or more.");
        var scenarios = List(Read("--scenario") ?? (mode == BenchMode.WarmStart ? "realistic" : "intake,realistic,guidance,handoff"))
            .Select(ConversationScript.Named).ToList();
        if (scenarios.Contains(Mvai.Bench.Scenarios.JsPeer))
        {
            throw new ArgumentException("js-peer is the JS SDK peer's script, not the app's: add --peer to run the peer.");
        }
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
        if (mode == BenchMode.WarmStart && (levels.Count != 1 || scenarios.Count != 1))
        {
            throw new ArgumentException("--warm-start runs one scenario at one concurrency level (e.g. --scenario realistic --conversations 64).");
        }
        return new BenchOptions(mode, levels, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), scenarios, storage, postgres,
            args.Contains("--steps"), args.Contains("--allocations"), Read("--app"), args.Contains("--publish"),
            (Read("--publish-args") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), EnvironmentSettings(args),
            args.Contains("--peer"));
    }

    /// <summary>Every <c>--env KEY=VALUE</c>, in order: settings for the app process (DOTNET_ knobs, app settings).</summary>
    private static List<KeyValuePair<string, string>> EnvironmentSettings(string[] args)
    {
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--env")
            {
                continue;
            }
            var equals = args[i + 1].IndexOf('=');
            if (equals <= 0)
            {
                throw new ArgumentException($"--env takes KEY=VALUE, not '{args[i + 1]}'.");
            }
            settings.Add(new(args[i + 1][..equals], args[i + 1][(equals + 1)..]));
        }
        return settings;
    }

    private static int PositiveInteger(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Expected a positive whole number, not '{value}'.");
}
