using System.Globalization;

namespace Mvai.Bench;

/// <summary>Command line: <c>--conversations 64 --seconds 20 --warmup 3</c>.</summary>
internal sealed record BenchOptions(int Conversations, TimeSpan Duration, TimeSpan Warmup)
{
    public static BenchOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchOptions(Read("--conversations", 64), TimeSpan.FromSeconds(Read("--seconds", 20)), TimeSpan.FromSeconds(Read("--warmup", 3)));
    }
}
