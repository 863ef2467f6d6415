namespace Mvai.Bot.Operations.WarmUp;

/// <summary>
/// The start-up warm-up (section <c>WarmUp</c>): before the app listens, synthetic conversations run through a
/// throwaway copy of it, so a new instance answers its first users with compiled, loaded code (docs/benchmark.md).
/// </summary>
public sealed class WarmUpOptions
{
    public const string SectionName = "WarmUp";

    /// <summary>Whether to warm up before listening.</summary>
    /// <value>Defaults to true; tests and tools that build the app in-process never warm up.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the synthetic conversations run (each one in progress finishes its turn).</summary>
    /// <value>Defaults to 4 seconds; at most a minute.</value>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Synthetic conversations at once.</summary>
    /// <value>Defaults to 4; 1 to 32.</value>
    public int Conversations { get; set; } = 4;
}
