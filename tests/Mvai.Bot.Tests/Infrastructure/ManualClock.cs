namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, to expire tokens and caches without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
