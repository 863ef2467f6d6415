using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Mvai.Bench;
using Mvai.Bench.LoadClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Bot;

// A load benchmark, not a test: the real app (Kestrel, the configured storage, the whole bot) on loopback, driven by N
// concurrent simulated users over HTTP with expectReplies, printing turns per second, latency percentiles and memory.
var options = BenchOptions.Parse(args);
if (options.Recognizers)
{
    RecognizerCost.Print();
    return;
}
var repository = FindRepository();
var database = Path.Combine(Path.GetTempPath(), $"mvai-bench-{Guid.NewGuid():N}.db");
var app = MvaiAssistantApp.Build(
    ["--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(repository, "Mvai.Bot")],
    builder => builder.Configuration.AddInMemoryCollection(options.BotConfiguration(database)));
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"MVAI Assistant load benchmark: {(options.Storage == "postgres" ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores, {options.Warmup.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per level"));
using (var started = Process.GetCurrentProcess())
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RSS after start-up {started.WorkingSet64 / 1048576.0:0} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:0} MiB"));
}
Console.WriteLine("(client and server share this process and its cores; figures include the client's own work. CPU µs/turn is");
Console.WriteLine(" the process's CPU time per measured turn: it holds steadier than turns/s when other work shares the machine)");
foreach (var scenario in options.Scenarios)
{
    Console.WriteLine();
    Console.WriteLine($"Scenario {scenario.Name} ({scenario.Turns.Count} turns): {scenario.Description}.");
    Console.WriteLine("conversations  turns/s    p50 ms   p90 ms   p99 ms   max ms  errors  peak RSS MiB  KiB alloc/turn  CPU µs/turn  GC pause %  GCs/s  JIT methods  JIT ms  heap MiB");
    foreach (var level in options.Concurrency)
    {
        Console.WriteLine(await RunLevelAsync(address, scenario, level, options));
    }
}

await app.StopAsync();
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
{
    File.Delete(file);
}

static async Task<string> RunLevelAsync(Uri address, ConversationScript scenario, int conversations, BenchOptions options)
{
    var recorder = new LatencyRecorder();
    using var allocations = options.Allocations ? new AllocationSampler() : null;
    using var stop = new CancellationTokenSource();
    var workers = Enumerable.Range(1, conversations)
        .Select(i => new BenchClient(new RawHttpConnection(address.Host, address.Port, "/api/messages"), recorder, scenario, i).RunAsync(stop.Token))
        .ToArray();
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
    await stop.CancelAsync();
    await Task.WhenAll(workers);

    var sorted = recorder.Sorted();
    var errors = recorder.Errors == 0 ? string.Empty : $"\n               errors: {recorder.ErrorSummary}";
    var row = errors + string.Create(CultureInfo.InvariantCulture,
        $"{conversations,13}  {sorted.Length / elapsed.TotalSeconds,7:0}  {LatencyRecorder.Percentile(sorted, 0.50),8:0.00} {LatencyRecorder.Percentile(sorted, 0.90),8:0.00} {LatencyRecorder.Percentile(sorted, 0.99),8:0.00} {(sorted.Length > 0 ? sorted[^1] : double.NaN),8:0.00}  {recorder.Errors,6}  {peakWorkingSet / 1048576.0,12:0}  {allocated / 1024.0 / Math.Max(1, sorted.Length),14:0.0}  {cpu.TotalMicroseconds / Math.Max(1, sorted.Length),12:0}  {paused / elapsed * 100,10:0.0}  {gen0 / elapsed.TotalSeconds,6:0}  {jitted,11}  {jitTime.TotalMilliseconds,6:0}  {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0,8:0}");
    if (allocations is not null)
    {
        row += Environment.NewLine + allocations.Report(sorted.Length);
    }
    return options.Steps ? row + Environment.NewLine + StepTable(scenario, recorder) : row;
}

// --steps: which lines of the script cost the most, by mean and p99, so a profile can start from the slow turn.
static string StepTable(ConversationScript scenario, LatencyRecorder recorder) =>
    string.Join(Environment.NewLine, recorder.SortedByStep().OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture,
        $"               step {s.Key + 1,2} {Truncate(scenario.Turns[s.Key]),-34} mean {s.Value.Average(),7:0.00} ms  p99 {LatencyRecorder.Percentile(s.Value, 0.99),7:0.00} ms")));

static string Truncate(string line) => line.Length <= 32 ? $"\"{line}\"" : $"\"{line[..29]}...\"";

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Mvai.Bot.sln")))
        {
            return directory.FullName;
        }
    }
    throw new InvalidOperationException("Run the benchmark from inside the repository (Mvai.Bot.sln not found above it).");
}
