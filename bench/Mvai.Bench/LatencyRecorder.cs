using System.Collections.Concurrent;

namespace Mvai.Bench;

/// <summary>Turn latencies in milliseconds from every worker, read once at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _samples = [];
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public int Errors => _errors.Values.Sum();

    /// <summary>What went wrong, e.g. "HTTP 500 x3", so a failing run says why.</summary>
    public string ErrorSummary => string.Join(", ", _errors.Select(e => $"{e.Key} x{e.Value}"));

    public void Record(double milliseconds)
    {
        if (Recording)
        {
            _samples.Add(milliseconds);
        }
    }

    public void RecordError(string kind) => _errors.AddOrUpdate(kind, 1, (_, count) => count + 1);

    public double[] Sorted()
    {
        var samples = _samples.ToArray();
        Array.Sort(samples);
        return samples;
    }

    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
