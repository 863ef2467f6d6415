using Microsoft.Extensions.Options;
using Mvai.Bot.Operations.Background;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Operations;

public sealed class BackgroundWorkQueueTests
{
    [Fact]
    public async Task FailingWork_IsLoggedWithoutItsMessage_AndTheNextItemStillRuns()
    {
        var logs = new CapturedLogs();
        using var queue = CreateSut(logs);
        await queue.StartAsync(CancellationToken.None);
        var second = new TaskCompletionSource();

        Assert.True(queue.TryEnqueue("first", _ => throw new InvalidOperationException("Officer Jane Roe 555-0142")));
        Assert.True(queue.TryEnqueue("second", _ => { second.SetResult(); return Task.CompletedTask; }));

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.StopAsync(CancellationToken.None);
        var line = Assert.Single(logs.Lines, l => l.Contains("'first' failed", StringComparison.Ordinal));
        Assert.DoesNotContain("Jane Roe", line, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_FinishesWhatIsQueued_AndTakesNothingNew()
    {
        using var queue = CreateSut(concurrency: 1);
        await queue.StartAsync(CancellationToken.None);
        var release = new TaskCompletionSource();
        var finished = new List<string>();
        queue.TryEnqueue("slow", async ct => { await release.Task.WaitAsync(ct); finished.Add("slow"); });
        queue.TryEnqueue("queued", _ => { finished.Add("queued"); return Task.CompletedTask; });

        var stopping = queue.StopAsync(CancellationToken.None);
        var refused = queue.TryEnqueue("late", _ => Task.CompletedTask);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(refused);
        Assert.Equal(["slow", "queued"], finished);
    }

    [Fact]
    public async Task WhenTheShutdownTimeoutRunsOut_TheWorkIsCancelled_AndSaidSo()
    {
        var logs = new CapturedLogs();
        using var queue = CreateSut(logs);
        await queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource();
        queue.TryEnqueue("endless", async ct => { started.SetResult(); await Task.Delay(Timeout.Infinite, ct); });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await queue.StopAsync(timeout.Token);

        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Lines.Any(l => l.Contains("'endless' was abandoned", StringComparison.Ordinal))), "the abandoned work is logged");
    }

    [Fact]
    public void AFullQueue_RefusesWork_SoTheCallerDoesItItself()
    {
        using var queue = CreateSut(capacity: 1);

        Assert.True(queue.TryEnqueue("one", _ => Task.CompletedTask));
        Assert.False(queue.TryEnqueue("two", _ => Task.CompletedTask));
    }

    private static BackgroundWorkQueue CreateSut(CapturedLogs? logs = null, int capacity = 16, int concurrency = 2)
    {
        var factory = LoggerFactory.Create(builder => builder.AddProvider(logs ?? new CapturedLogs()));
        return new BackgroundWorkQueue(
            Options.Create(new BackgroundWorkOptions { Capacity = capacity, Concurrency = concurrency }),
            factory.CreateLogger<BackgroundWorkQueue>());
    }
}
