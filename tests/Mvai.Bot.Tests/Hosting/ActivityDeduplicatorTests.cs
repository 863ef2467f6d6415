using Mvai.BotFramework.Hosting;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>The single-instance memory of delivered activity ids: a channel's retry within the window is a duplicate.</summary>
public sealed class ActivityDeduplicatorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new() { Now = DateTimeOffset.Parse("2026-11-24T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public void ARetry_IsADuplicate_ForTheWholeWindow_AndIsNewAgainAfterAWindowAndAHalf()
    {
        var seen = new ActivityDeduplicator(_clock, Window);
        Assert.True(seen.TryRegister("msteams/conv-1/act-1"));

        var registered = _clock.Now;
        foreach (var seconds in new[] { 15, 299, 300, 301, 599, 600 })
        {
            _clock.Now = registered.AddSeconds(seconds);
            Assert.False(seen.TryRegister("msteams/conv-1/act-1"), $"a retry {seconds} s later is a duplicate");
        }
        Assert.True(seen.TryRegister("msteams/conv-1/act-2"), "another activity is new");

        _clock.Now = registered + Window * 1.5;
        Assert.True(seen.TryRegister("msteams/conv-1/act-1"), "after a window and a half the id is forgotten");
    }

    [Fact]
    public void AKeyRegisteredLateInAGeneration_IsStillRememberedForTheWholeWindow()
    {
        var seen = new ActivityDeduplicator(_clock, Window);
        Assert.True(seen.TryRegister("early"));
        _clock.Advance(Window / 2 - TimeSpan.FromSeconds(1));
        Assert.True(seen.TryRegister("late"));

        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.False(seen.TryRegister("late"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(seen.TryRegister("early"));
    }

    [Fact]
    public void AForgottenKey_CanBeRegisteredAgain_AndOthersAreKept()
    {
        var seen = new ActivityDeduplicator(_clock, Window);
        var keys = Enumerable.Range(1, 50_000).Select(i => $"directline/conv-{i % 97}/act-{i}").ToList();
        Assert.All(keys, key => Assert.True(seen.TryRegister(key)));

        seen.Forget(keys[123]);

        Assert.True(seen.TryRegister(keys[123]));
        Assert.All(keys, key => Assert.False(seen.TryRegister(key)));
    }
}
