using System.Collections.Concurrent;

namespace Mvai.Bench;

/// <summary>Turn latencies in milliseconds from every worker, each with the script step it was, read once at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<(int Step, double Milliseconds)> _samples = [];
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public int Errors => _errors.Values.Sum();

    /// <summary>What went wrong, e.g. "HTTP 500 x3", so a failing run says why.</summary>
    public string ErrorSummary => string.Join(", ", _errors.Select(e => $"{e.Key} x{e.Value}"));

    public void Record(int step, double milliseconds)
    {
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

    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double[] Sort(IEnumerable<double> samples)
    {
        var array = samples.ToArray();
        Array.Sort(array);
        return array;
    }
}
