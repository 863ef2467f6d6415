using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Diagnostics;

namespace Mvai.Bot.Operations.Background;

/// <summary>
/// A bounded queue the host runs: a fixed number of workers await each item, log its failure redacted, and at shutdown
/// the queue takes nothing new but finishes what it holds, until the host's shutdown timeout cancels the work's token.
/// </summary>
internal sealed class BackgroundWorkQueue : IHostedService, IBackgroundWorkQueue, IDisposable
{
    private readonly Channel<WorkItem> _items;
    private readonly int _concurrency;
    private readonly CancellationTokenSource _abandon = new();
    private readonly ILogger<BackgroundWorkQueue> _logger;
    private Task _workers = Task.CompletedTask;

    public BackgroundWorkQueue(IOptions<BackgroundWorkOptions> options, ILogger<BackgroundWorkQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _items = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.Value.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        _concurrency = options.Value.Concurrency;
        _logger = logger;
    }

    public bool TryEnqueue(string name, Func<CancellationToken, Task> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        return _items.Writer.TryWrite(new WorkItem(name, work));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The workers watch no stopping token: they end when the queue is closed and empty (StopAsync).
        _workers = Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(RunWorkerAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>Takes nothing new and waits for what is queued or running; the host's shutdown timeout cancels the work.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _items.Writer.TryComplete();
        await using var abandonAtTimeout = cancellationToken.Register(_abandon.Cancel);
        await _workers;
    }

    public void Dispose() => _abandon.Dispose();

    private async Task RunWorkerAsync()
    {
        await foreach (var item in _items.Reader.ReadAllAsync())
        {
            try
            {
                await item.Work(_abandon.Token);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                BackgroundWorkLog.WorkAbandoned(_logger, item.Name);
            }
            catch (Exception exception)
            {
                BackgroundWorkLog.WorkFailed(_logger, RedactedException.From(exception), item.Name);
            }
        }
    }

    private sealed record WorkItem(string Name, Func<CancellationToken, Task> Work);
}
