using System.Net;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Desk;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Privacy;

namespace Mvai.Bot.Tests.ScaleOut;

/// <summary>The request desk on two app instances sharing one PostgreSQL database: one alert per request, one assignment wins.</summary>
public sealed class TwoInstanceDeskTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private SmtpSink _smtp = null!;
    private ChannelConnectorServer _channel = null!;
    private BotTestHost _a = null!;
    private BotTestHost _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _smtp = await SmtpSink.StartAsync();
        _channel = await ChannelConnectorServer.StartAsync();
        var settings = DeskScenario.Settings(_smtp.Port);
        var instances = await Task.WhenAll(
            BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings),
            BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings));
        (_a, _b) = (instances[0], instances[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _channel.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ARequest_IsAlertedOnce_ThoughBothInstancesTry_AndOneOfTwoConcurrentAssignmentsWins()
    {
        var reference = await new Conversation(_a, "test", null, "chief", _channel.ServiceUrl).SubmitRequestAsync();
        var stored = (await _b.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default))!;

        // Both instances try again at once (as their sweeps would): the conditional update lets neither store a second alert.
        var again = await Task.WhenAll(
            _a.Services.GetRequiredService<RequestAlerts>().AlertAsync(stored, default),
            _b.Services.GetRequiredService<RequestAlerts>().AlertAsync(stored, default));
        Assert.Equal([false, false], again);
        Assert.Single(await AlertTestSettings.DeliveriesAsync(_a, reference));
        Assert.Single(await _smtp.WaitForAsync(1));

        using var alice = AdvisorClient.WithBasic(_a, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        using var bob = AdvisorClient.WithBasic(_b, TestAdvisors.BobId, TestAdvisors.BobSecret);
        var version = DeskScenario.Version(await alice.RequestAsync(reference));
        var results = await Task.WhenAll(alice.ActAsync(reference, "Assign", version, "lopez"), bob.ActAsync(reference, "Assign", version, "king"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        Assert.Single(DeskScenario.History(await bob.RequestAsync(reference)), line => line.Contains(": matched", StringComparison.Ordinal));
        Assert.Single(await _channel.WaitForTextsAsync(1));
    }
}
