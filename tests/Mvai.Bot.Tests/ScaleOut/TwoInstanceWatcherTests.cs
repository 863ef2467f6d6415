using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.ScaleOut;

/// <summary>Every instance runs the unclaimed-case watcher; a case must still be escalated once.</summary>
public sealed class TwoInstanceWatcherTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly ManualClock _clock = new() { Now = HandoffScenario.TuesdayMorning };
    private ChannelConnectorServer _channel = null!;
    private BotTestHost _a = null!;
    private BotTestHost _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _channel = await ChannelConnectorServer.StartAsync();
        // The background watchers tick on real time; the test runs the checks itself, so theirs never come.
        var settings = HandoffScenario.WeekdayHours();
        settings["Handoff:WatchInterval"] = "01:00:00";
        _a = await BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings, b => b.Services.AddSingleton<TimeProvider>(_clock));
        _b = await BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings, b => b.Services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _channel.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BothInstancesFindingTheSameOverdueCase_EscalateItOnce_AndTheUserIsToldOnce()
    {
        var chat = new Conversation(_a, serviceUrl: _channel.ServiceUrl);
        await chat.ExpectAsync("talk to an advisor", "I'm connecting you with an MVAI advisor.");
        _clock.Advance(TimeSpan.FromMinutes(11));

        var escalated = await CheckOnBothAsync();

        Assert.Equal(1, escalated.Sum());
        Assert.Equal([HandoffMessages.NobodyClaimed, TriageDialog.AskDanger], await _channel.WaitForTextsAsync(2));
        Assert.Equal(0, (await CheckOnBothAsync()).Sum());
        Assert.Equal(2, _channel.Texts().Count);
        var audit = await _b.Services.GetRequiredService<IHandoffStore>().GetAuditAsync(
            (await _b.Services.GetRequiredService<IHandoffStore>().FindOpenAsync("test", chat.Id, default))!.Id, default);
        Assert.Single(audit, entry => entry.Action == "on-call alerted");
    }

    private Task<int[]> CheckOnBothAsync() => Task.WhenAll(
        _a.Services.GetRequiredService<UnclaimedHandoffWatcher>().CheckOnceAsync(default),
        _b.Services.GetRequiredService<UnclaimedHandoffWatcher>().CheckOnceAsync(default));
}
