using System.Diagnostics;
using System.Globalization;
using Mvai.Bench.LoadClient;
using Mvai.Bench.Measurement;

namespace Mvai.Bench.Deployed;

/// <summary>
/// <c>--warm-start</c>: a new instance (a deployment, a scale-out, a restart) put under load the moment it is healthy,
/// with no warm-up on the bench's side, printing each second's turns and the app's CPU per turn; then how soon it
/// reached 90% of its steady rate (the mean of the last 10 seconds).
/// </summary>
internal static class WarmStartBench
{
    private const double SteadyShare = 0.9;

    public static async Task RunAsync(BenchOptions options, string repository)
    {
        var appDirectory = await AppPublisher.EnsureAsync(repository, options);
        var advisorHash = BenchAppSettings.HashAdvisorSecret();
        var scenario = options.Scenarios[0];
        var conversations = options.Concurrency[0];
        await using var sink = await ConnectorSink.StartAsync();
        await using var app = await AppProcess.StartPublishedAsync(appDirectory, options, advisorHash);
        using var advisor = scenario.NeedsAdvisor ? new AdvisorClient(app.Address, BenchAppSettings.AdvisorSecret) : null;
        var recorder = new LatencyRecorder { Recording = true };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Warm start: {scenario.Name} at {conversations} conversations from the first second; app ({appDirectory}) healthy {app.StartUp.TotalSeconds:0.0} s after start, load average {ProcFs.LoadAverage()}"));
        if (options.AppEnvironment.Count > 0)
        {
            Console.WriteLine($"App environment: {string.Join(' ', options.AppEnvironment.Select(setting => $"{setting.Key}={setting.Value}"))}");
        }
        Console.WriteLine("second  turns/s  app CPU µs/turn  app RSS MiB");
        var seconds = new List<WarmStartSecond>();
        await using (new LoadWorkers(app.Address, scenario, conversations, recorder, sink.ServiceUrl, advisor))
        {
            var clock = Stopwatch.StartNew();
            var (turns, cpu) = (recorder.Completed, ProcFs.Read(app.Pid).Cpu);
            for (var second = 1; second <= options.Duration.TotalSeconds; second++)
            {
                var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                var sample = ProcFs.Read(app.Pid);
                var done = recorder.Completed;
                var current = new WarmStartSecond(second, done - turns, sample.Cpu - cpu, sample.RssBytes);
                seconds.Add(current);
                Console.WriteLine(current.Row());
                (turns, cpu) = (done, sample.Cpu);
            }
        }
        Console.WriteLine(WarmStartSecond.Summary(seconds, SteadyShare));
        if (recorder.Errors > 0)
        {
            Console.WriteLine($"errors: {recorder.ErrorSummary}");
        }
        Console.WriteLine($"load average at the end: {ProcFs.LoadAverage()}");
    }
}
