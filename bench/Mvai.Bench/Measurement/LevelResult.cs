using System.Globalization;

namespace Mvai.Bench.Measurement;

/// <summary>
/// One concurrency level measured against the app in its own process: the turns the load process saw, and the app
/// process's CPU time and memory over the same window, beside the load process's own CPU and the machine's load.
/// </summary>
internal sealed record LevelResult(
    int Conversations,
    TimeSpan Elapsed,
    double[] SortedMilliseconds,
    int Errors,
    string ErrorSummary,
    TimeSpan AppCpu,
    long AppPeakRssBytes,
    TimeSpan LoadCpu,
    string LoadAverage)
{
    public const string Header =
        "conversations  turns/s    p50 ms   p90 ms   p99 ms   max ms  errors  app CPU µs/turn  app CPU %  app peak RSS MiB  load gen CPU %  load average";

    public int Turns => SortedMilliseconds.Length;

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    /// <summary>The app's CPU time per measured turn: steadier than turns/s when other work shares the machine.</summary>
    public double AppCpuMicrosecondsPerTurn => AppCpu.TotalMicroseconds / Math.Max(1, Turns);

    /// <summary>CPU time as a share of one core over the window (200% = both cores of this machine).</summary>
    public static double PercentOfOneCore(TimeSpan cpu, TimeSpan elapsed) => cpu / elapsed * 100;

    public string Row()
    {
        var errors = Errors == 0 ? string.Empty : $"{Environment.NewLine}               errors: {ErrorSummary}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Conversations,13}  {TurnsPerSecond,7:0}  {Percentile(0.50),8:0.00} {Percentile(0.90),8:0.00} {Percentile(0.99),8:0.00} {(Turns > 0 ? SortedMilliseconds[^1] : double.NaN),8:0.00}  {Errors,6}  {AppCpuMicrosecondsPerTurn,15:0}  {PercentOfOneCore(AppCpu, Elapsed),9:0}  {AppPeakRssBytes / 1048576.0,16:0}  {PercentOfOneCore(LoadCpu, Elapsed),14:0}  {LoadAverage}") + errors;
    }

    public double Percentile(double fraction) => LatencyRecorder.Percentile(SortedMilliseconds, fraction);
}
