using System.Collections.Concurrent;
using System.Globalization;

namespace Mvai.Bench;

/// <summary>Turn latencies in milliseconds from every worker, each with the script step it was, read once at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<(int Step, double Milliseconds)> _samples = [];
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    private long _completed;

    public bool Recording { get; set; }

    /// <summary>Turns that got their expected answer so far, recording or not (the warm-start mode counts them by second).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public int Errors => _errors.Values.Sum();

    /// <summary>What went wrong, e.g. "HTTP 500 x3", so a failing run says why.</summary>
    public string ErrorSummary => string.Join(", ", _errors.Select(e => $"{e.Key} x{e.Value}"));

    public void Record(int step, double milliseconds)
    {
        Interlocked.Increment(ref _completed);
        if (Recording)
        {
            _samples.Add((step, milliseconds));
        }
    }

    public void RecordError(string kind) => _errors.AddOrUpdate(kind, 1, (_, count) => count + 1);

    public double[] Sorted() => Sort(_samples.Select(s => s.Milliseconds));

    /// <summary>The sorted latencies of each script step, for finding the turns that cost the most.</summary>
    public Dictionary<int, double[]> SortedByStep() =>
        _samples.GroupBy(s => s.Step).ToDictionary(g => g.Key, g => Sort(g.Select(s => s.Milliseconds)));

    /// <summary><c>--steps</c>: mean and p99 of each line of the script, so a profile can start from the costly turn.</summary>
    public string StepTable(ConversationScript scenario) =>
        string.Join(Environment.NewLine, SortedByStep().OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"               step {s.Key + 1,2} {Truncate(scenario.Turns[s.Key].ToString()),-34} mean {s.Value.Average(),7:0.00} ms  p99 {Percentile(s.Value, 0.99),7:0.00} ms")));

    private static string Truncate(string line) => line.Length <= 32 ? $"\"{line}\"" : $"\"{line[..29]}...\"";

    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double[] Sort(IEnumerable<double> samples)
    {
        var array = samples.ToArray();
        Array.Sort(array);
        return array;
    }
}
