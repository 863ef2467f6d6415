using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Bench.LoadClient;
using Mvai.Bot;

namespace Mvai.Bench;

/// <summary>
/// <c>--in-process</c>, a profiling aid: the app hosted inside the bench's own process, so the runtime's own counters
/// (allocation per turn and by type, GC pauses, methods still being jitted) can be read. Its turns/s and CPU are not
/// the deployed figures: the generator shares the process, its runtime and its cores (docs/benchmark.md).
/// </summary>
internal static class InProcessBench
{
    public static async Task RunAsync(BenchOptions options, string repository)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mvai-bench-{Guid.NewGuid():N}.db");
        var app = MvaiAssistantApp.Build(
            ["--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(repository, "Mvai.Bot")],
            builder => builder.Configuration.AddInMemoryCollection(BenchAppSettings.Create(options, database, BenchAppSettings.HashAdvisorSecret())));
        await app.StartAsync();
        await using var sink = await ConnectorSink.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MVAI Assistant load benchmark IN PROCESS (a profiling aid, not the deployed figures): {(options.Storage == "postgres" ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores, {options.Warmup.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per level, load average {Measurement.ProcFs.LoadAverage()}"));
        using (var started = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RSS after start-up {started.WorkingSet64 / 1048576.0:0} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:0} MiB"));
        }
        Console.WriteLine("(client and server share this process and its cores; figures include the client's own work)");
        foreach (var scenario in options.Scenarios)
        {
            using var advisor = scenario.NeedsAdvisor ? new AdvisorClient(address, BenchAppSettings.AdvisorSecret) : null;
            Console.WriteLine();
            Console.WriteLine($"Scenario {scenario.Name} ({scenario.Turns.Count} turns): {scenario.Description}.");
            Console.WriteLine("conversations  turns/s    p50 ms   p90 ms   p99 ms   max ms  errors  peak RSS MiB  KiB alloc/turn  CPU µs/turn  GC pause %  GCs/s  JIT methods  JIT ms  heap MiB");
            foreach (var level in options.Concurrency)
            {
                Console.WriteLine(await RunLevelAsync(address, scenario, level, options, sink.ServiceUrl, advisor));
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunLevelAsync(Uri address, ConversationScript scenario, int conversations, BenchOptions options, string serviceUrl, AdvisorClient? advisor)
    {
        var recorder = new LatencyRecorder();
        using var allocations = options.Allocations ? new AllocationSampler() : null;
        var workers = new LoadWorkers(address, scenario, conversations, recorder, serviceUrl, advisor);
        await Task.Delay(options.Warmup);
        using var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = process.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var measured = Stopwatch.StartNew();
        recorder.Recording = true;
        allocations?.Recording = true;
        long peakWorkingSet = 0;
        while (measured.Elapsed < options.Duration)
        {
            await Task.Delay(100);
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
        }
        recorder.Recording = false;
        allocations?.Recording = false;
        var elapsed = measured.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
        await workers.DisposeAsync();

        var sorted = recorder.Sorted();
        var errors = recorder.Errors == 0 ? string.Empty : $"\n               errors: {recorder.ErrorSummary}";
        var row = errors + string.Create(CultureInfo.InvariantCulture,
            $"{conversations,13}  {sorted.Length / elapsed.TotalSeconds,7:0}  {LatencyRecorder.Percentile(sorted, 0.50),8:0.00} {LatencyRecorder.Percentile(sorted, 0.90),8:0.00} {LatencyRecorder.Percentile(sorted, 0.99),8:0.00} {(sorted.Length > 0 ? sorted[^1] : double.NaN),8:0.00}  {recorder.Errors,6}  {peakWorkingSet / 1048576.0,12:0}  {allocated / 1024.0 / Math.Max(1, sorted.Length),14:0.0}  {cpu.TotalMicroseconds / Math.Max(1, sorted.Length),12:0}  {paused / elapsed * 100,10:0.0}  {gen0 / elapsed.TotalSeconds,6:0}  {jitted,11}  {jitTime.TotalMilliseconds,6:0}  {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0,8:0}");
        if (allocations is not null)
        {
            row += Environment.NewLine + allocations.Report(sorted.Length);
        }
        return options.Steps ? row + Environment.NewLine + recorder.StepTable(scenario) : row;
    }
}
