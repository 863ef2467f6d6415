using System.Collections.Concurrent;

namespace Mvai.Bench;

/// <summary>Turn latencies in milliseconds from every worker, read once at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _samples = [];
    private int _errors;

    public bool Recording { get; set; }

    public int Errors => _errors;

    public void Record(double milliseconds)
    {
        if (Recording)
        {
            _samples.Add(milliseconds);
        }
    }

    public void RecordError() => Interlocked.Increment(ref _errors);

    public double[] Sorted()
    {
        var samples = _samples.ToArray();
        Array.Sort(samples);
        return samples;
    }

    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
