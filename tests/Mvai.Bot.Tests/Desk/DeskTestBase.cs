using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Desk;

/// <summary>
/// A request desk test on one storage: the app of <see cref="DeskScenario"/> with the clock at <see cref="Start"/>,
/// its SMTP sink, and Alice signed in to the console API.
/// </summary>
public abstract class DeskTestBase<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private SmtpSink _smtp = null!;
    private HandoffScenario _scenario = null!;
    private AdvisorClient _alice = null!;

    protected abstract DateTimeOffset Start { get; }

    internal SmtpSink Smtp => _smtp;
    internal HandoffScenario Scenario => _scenario;
    internal AdvisorClient Alice => _alice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _smtp = await SmtpSink.StartAsync();
        _scenario = await HandoffScenario.StartAsync(Storage, Start, DeskScenario.Settings(_smtp.Port));
        _alice = AdvisorClient.WithBasic(_scenario.Host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
    }

    public override async Task DisposeAsync()
    {
        _alice.Dispose();
        await _scenario.DisposeAsync();
        await _smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
