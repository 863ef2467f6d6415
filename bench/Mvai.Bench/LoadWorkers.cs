using Mvai.Bench.LoadClient;

namespace Mvai.Bench;

/// <summary>N simulated users against one app, each on its own keep-alive connection, until stopped.</summary>
internal sealed class LoadWorkers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    public LoadWorkers(Uri app, ConversationScript scenario, int conversations, LatencyRecorder recorder, string serviceUrl, AdvisorClient? advisor)
    {
        _workers = [.. Enumerable.Range(1, conversations).Select(i =>
            new BenchClient(new RawHttpConnection(app.Host, app.Port, "/api/messages"), recorder, scenario, i, serviceUrl, advisor).RunAsync(_stop.Token))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
    }
}
