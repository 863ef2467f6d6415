using System.Globalization;

namespace Mvai.Bench.Measurement;

/// <summary>One second of a warm start: the turns answered in it and the app's CPU time over it.</summary>
internal sealed record WarmStartSecond(int Second, long Turns, TimeSpan AppCpu, long RssBytes)
{
    /// <summary>The steady rate is the mean of the last this many seconds (or of all, in a shorter run).</summary>
    public const int SteadySeconds = 10;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Second,6}  {Turns,7}  {AppCpu.TotalMicroseconds / Math.Max(1, Turns),15:0}  {RssBytes / 1048576.0,11:0}");

    /// <summary>
    /// The steady rate, the first second at or above <paramref name="share"/> of it, and the first five seconds' mean
    /// as a share of it: what "warm from the first second" is judged by.
    /// </summary>
    public static string Summary(IReadOnlyList<WarmStartSecond> seconds, double share)
    {
        if (seconds.Count == 0)
        {
            return "no seconds measured";
        }
        var steady = seconds.TakeLast(Math.Min(SteadySeconds, seconds.Count)).Average(s => (double)s.Turns);
        var reached = seconds.FirstOrDefault(s => s.Turns >= share * steady);
        var firstFive = seconds.Take(5).Average(s => (double)s.Turns);
        return string.Create(CultureInfo.InvariantCulture,
            $"steady {steady:0} turns/s (mean of the last {Math.Min(SteadySeconds, seconds.Count)} s); {share:P0} of it first reached in second {(reached is null ? "never" : reached.Second.ToString(CultureInfo.InvariantCulture))}; first 5 s at {firstFive / Math.Max(1, steady):P0} of steady");
    }
}
