using System.Diagnostics;

namespace Mvai.Bench.Deployed;

/// <summary>
/// The Release app as <c>dotnet publish</c> lays it out for this machine's runtime (ReadyToRun, as deployed), published
/// once into <c>artifacts/bench/app</c> and reused (<c>--publish</c> publishes again, <c>--app DIR</c> uses another
/// publish, e.g. one made with other settings).
/// </summary>
internal static class AppPublisher
{
    public static string DefaultDirectory(string repository) => Path.Combine(repository, "artifacts", "bench", "app");

    public static async Task<string> EnsureAsync(string repository, BenchOptions options)
    {
        var directory = Path.GetFullPath(options.AppDirectory ?? DefaultDirectory(repository));
        if (File.Exists(Path.Combine(directory, "Mvai.Bot.dll")) && !options.Publish)
        {
            return directory;
        }
        string[] arguments =
        [
            // For this machine's runtime, as the Dockerfile and the Azure instructions publish: ReadyToRun-compiled.
            "publish", Path.Combine(repository, "Mvai.Bot", "Mvai.Bot.csproj"), "-c", "Release", "-o", directory,
            "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "--nologo", "-clp:ErrorsOnly",
            .. options.PublishArguments,
        ];
        Console.WriteLine($"Publishing: dotnet {string.Join(' ', arguments)}");
        var (exitCode, output) = await RunAsync(arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({exitCode}):{Environment.NewLine}{output}");
        }
        return directory;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
