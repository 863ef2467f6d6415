using Mvai.Bench;
using Mvai.Bench.Deployed;

// A load benchmark, not a test. By default it measures the app as deployed: the published Release app in its own
// process, driven over loopback by N simulated users from this one (docs/benchmark.md).
var options = BenchOptions.Parse(args);
switch (options.Mode)
{
    case BenchMode.Recognizers:
        RecognizerCost.Print();
        break;
    case BenchMode.InProcess:
        await InProcessBench.RunAsync(options, FindRepository());
        break;
    case BenchMode.WarmStart:
        await WarmStartBench.RunAsync(options, FindRepository());
        break;
    default:
        await DeployedBench.RunAsync(options, FindRepository());
        break;
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
