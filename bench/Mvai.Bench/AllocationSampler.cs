using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Mvai.Bench;

/// <summary>
/// <c>--allocations</c>: the runtime's allocation sample (one event per ~100 KB allocated, naming the type that crossed the
/// mark) gathered in-process, so the types that dominate allocation per turn show up without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }
        var names = eventData.PayloadNames!;
        var type = eventData.Payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    public string Report(int turns, int top = 25)
    {
        var total = Math.Max(1, _bytesByType.Values.Sum());
        return string.Join(Environment.NewLine, _bytesByType.OrderByDescending(t => t.Value).Take(top).Select(t => string.Create(CultureInfo.InvariantCulture,
            $"               {t.Value * 100.0 / total,5:0.0}%  {t.Value / 1024.0 / Math.Max(1, turns),7:0.0} KiB/turn  {t.Key}")));
    }
}
