using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mvai.BotFramework.Hosting;

/// <summary>Traces and metrics of the turn pipeline. Tags carry activity types and channels, never content.</summary>
public static class BotTelemetry
{
    public const string Name = "Mvai.BotFramework";

    public static ActivitySource ActivitySource { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Turns processed, tagged with activity type, channel and outcome.</summary>
    public static Counter<long> Turns { get; } = Meter.CreateCounter<long>("bot.turns", description: "Turns processed");

    /// <summary>Turn duration in milliseconds, from the adapter's point of view (state load to save).</summary>
    public static Histogram<double> TurnDuration { get; } = Meter.CreateHistogram<double>("bot.turn.duration", unit: "ms");
}
