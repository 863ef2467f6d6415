using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>The real assistant and the real Agents Playground in front of it, each on a free loopback port.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private PlaygroundProcess? _playground;

    public BotTestHost Host { get; private set; } = null!;

    internal PlaygroundClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await BotTestHost.StartAsync();
        _playground = await PlaygroundProcess.StartAsync(new Uri(Host.BaseAddress, "api/messages"));
        Client = await PlaygroundClient.ConnectAsync(_playground.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
