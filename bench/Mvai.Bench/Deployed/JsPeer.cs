using System.Diagnostics;

namespace Mvai.Bench.Deployed;

/// <summary>The JS SDK peer's folder, its pinned packages installed (<c>npm ci</c>) on first use.</summary>
internal static class JsPeer
{
    public static async Task<string> EnsureInstalledAsync(string repository)
    {
        var directory = Path.Combine(repository, "bench", "js-peer");
        if (Directory.Exists(Path.Combine(directory, "node_modules", "botbuilder")))
        {
            return directory;
        }
        Console.WriteLine("Installing the JS peer's packages: npm ci in bench/js-peer");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = directory })!;
        await npm.WaitForExitAsync();
        return npm.ExitCode == 0 ? directory : throw new InvalidOperationException($"npm ci in {directory} failed ({npm.ExitCode}).");
    }
}
