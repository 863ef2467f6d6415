namespace Mvai.Bot.Tests.DirectLine;

/// <summary>A clock the test moves by hand, to expire tokens without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
