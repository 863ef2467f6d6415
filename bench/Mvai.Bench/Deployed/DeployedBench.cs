using System.Diagnostics;
using System.Globalization;
using Mvai.Bench.LoadClient;
using Mvai.Bench.Measurement;

namespace Mvai.Bench.Deployed;

/// <summary>
/// The default mode: each scenario against a freshly started published app in its own process, its levels one after
/// the other; the app's CPU and peak RSS are read from <c>/proc</c>, the load process's own CPU beside them.
/// </summary>
internal static class DeployedBench
{
    public static async Task RunAsync(BenchOptions options, string repository)
    {
        var appDirectory = await AppPublisher.EnsureAsync(repository, options);
        var advisorHash = BenchAppSettings.HashAdvisorSecret();
        await using var sink = await ConnectorSink.StartAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MVAI Assistant load benchmark, as deployed: the published app ({appDirectory}) in its own process, {(options.Storage == "postgres" ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores, {options.Warmup.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per level"));
        if (options.AppEnvironment.Count > 0)
        {
            Console.WriteLine($"App environment: {string.Join(' ', options.AppEnvironment.Select(setting => $"{setting.Key}={setting.Value}"))}");
        }
        Console.WriteLine("app CPU is the app process's utime+stime (/proc/PID/stat) per measured turn; peak RSS its VmHWM so far;");
        Console.WriteLine("load gen CPU % is this process's share of one core; load average as uptime prints it, at the end of the level.");
        foreach (var scenario in options.Scenarios)
        {
            await using var app = await AppProcess.StartPublishedAsync(appDirectory, options, advisorHash);
            await RunScenarioAsync(app, scenario, options, sink.ServiceUrl);
        }
        if (options.Peer)
        {
            await using var peer = await AppProcess.StartJsPeerAsync(await JsPeer.EnsureInstalledAsync(repository));
            Console.WriteLine();
            Console.WriteLine("The Bot Framework JS SDK peer (bench/js-peer: botbuilder 4.23.3, CloudAdapter, MemoryStorage), node process:");
            await RunScenarioAsync(peer, Scenarios.JsPeer, options, sink.ServiceUrl);
        }
    }

    private static async Task RunScenarioAsync(AppProcess app, ConversationScript scenario, BenchOptions options, string serviceUrl)
    {
        using var advisor = scenario.NeedsAdvisor ? new AdvisorClient(app.Address, BenchAppSettings.AdvisorSecret) : null;
        var started = ProcFs.Read(app.Pid);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario {scenario.Name} ({scenario.Turns.Count} turns): {scenario.Description}. Healthy {app.StartUp.TotalSeconds:0.0} s after start, RSS {started.RssBytes / 1048576.0:0} MiB."));
        Console.WriteLine(LevelResult.Header);
        foreach (var level in options.Concurrency)
        {
            var recorder = new LatencyRecorder();
            var result = await MeasureAsync(app, scenario, level, options, recorder, serviceUrl, advisor);
            Console.WriteLine(result.Row());
            if (options.Steps)
            {
                Console.WriteLine(recorder.StepTable(scenario));
            }
        }
    }

    private static async Task<LevelResult> MeasureAsync(
        AppProcess app, ConversationScript scenario, int conversations, BenchOptions options, LatencyRecorder recorder, string serviceUrl, AdvisorClient? advisor)
    {
        using var self = Process.GetCurrentProcess();
        var workers = new LoadWorkers(app.Address, scenario, conversations, recorder, serviceUrl, advisor);
        try
        {
            await Task.Delay(options.Warmup);
            var before = ProcFs.Read(app.Pid);
            var loadBefore = self.TotalProcessorTime;
            var measured = Stopwatch.StartNew();
            recorder.Recording = true;
            await Task.Delay(options.Duration);
            recorder.Recording = false;
            var elapsed = measured.Elapsed;
            var after = ProcFs.Read(app.Pid);
            self.Refresh();
            return new LevelResult(conversations, elapsed, recorder.Sorted(), recorder.Errors, recorder.ErrorSummary,
                after.Cpu - before.Cpu, after.PeakRssBytes, self.TotalProcessorTime - loadBefore, ProcFs.LoadAverage());
        }
        finally
        {
            await workers.DisposeAsync();
        }
    }
}
