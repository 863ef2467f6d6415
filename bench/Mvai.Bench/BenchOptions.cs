using System.Globalization;

namespace Mvai.Bench;

/// <summary>Command line: <c>--conversations 1,8,64 --seconds 10 --warmup 2</c>.</summary>
internal sealed record BenchOptions(IReadOnlyList<int> Concurrency, TimeSpan Duration, TimeSpan Warmup)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Read(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        var levels = (Read("--conversations") ?? "1,8,64")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(level => int.Parse(level, CultureInfo.InvariantCulture))
            .ToList();
        var seconds = int.Parse(Read("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Read("--warmup") ?? "2", CultureInfo.InvariantCulture);
        return new BenchOptions(levels, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup));
    }
}
