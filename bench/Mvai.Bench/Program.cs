using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Mvai.Bench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Bot;

// A load benchmark, not a test: the real app (Kestrel, SQLite, the whole bot) on loopback, driven by N concurrent
// simulated users over HTTP with expectReplies, printing turns per second, latency percentiles and memory.
var options = BenchOptions.Parse(args);
var repository = FindRepository();
var database = Path.Combine(Path.GetTempPath(), $"mvai-bench-{Guid.NewGuid():N}.db");
var app = MvaiAssistantApp.Build(
    ["--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(repository, "Mvai.Bot")],
    builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = $"Data Source={database}",
        ["Logging:LogLevel:Default"] = "Warning",
    }));
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Conversations * 2 })
{
    BaseAddress = new Uri(address.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromSeconds(30),
};
var recorder = new LatencyRecorder();
using var stop = new CancellationTokenSource();
var workers = Enumerable.Range(1, options.Conversations).Select(i => new BenchClient(http, recorder, i).RunAsync(stop.Token)).ToArray();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"MVAI Assistant load benchmark: {options.Conversations} concurrent conversations, {options.Warmup.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured, SQLite, {Environment.ProcessorCount} cores"));
await Task.Delay(options.Warmup);
var process = Process.GetCurrentProcess();
var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
var allocatedBefore = GC.GetTotalAllocatedBytes();
var measured = Stopwatch.StartNew();
recorder.Recording = true;
long peakWorkingSet = 0;
while (measured.Elapsed < options.Duration)
{
    await Task.Delay(250);
    process.Refresh();
    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
}
recorder.Recording = false;
var elapsed = measured.Elapsed;
stop.Cancel();
await Task.WhenAll(workers);

var sorted = recorder.Sorted();
var mib = 1024.0 * 1024.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turns            {sorted.Length} in {elapsed.TotalSeconds:0.0} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turns per second {sorted.Length / elapsed.TotalSeconds:0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency ms       p50 {LatencyRecorder.Percentile(sorted, 0.50):0.00}  p90 {LatencyRecorder.Percentile(sorted, 0.90):0.00}  p99 {LatencyRecorder.Percentile(sorted, 0.99):0.00}  max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.00}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors           {recorder.Errors}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"memory           peak working set {peakWorkingSet / mib:0} MiB, managed heap {GC.GetTotalMemory(false) / mib:0} MiB, allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / mib / Math.Max(1, sorted.Length) * 1024:0.0} KiB per turn, {GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore} GCs"));
Console.WriteLine("(client and server share this process and its cores; figures include the client's own work)");

await app.StopAsync();
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
{
    File.Delete(file);
}

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
