using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Mvai.Manifests.Tests;

/// <summary>Runs manifests/teams/package.sh for real (bash, python3 -m zipfile) into a temporary folder.</summary>
public sealed class PackageScriptTests : IDisposable
{
    private readonly string _outDir = Directory.CreateTempSubdirectory("mvai-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_outDir, recursive: true);

    private string ZipPath => Path.Combine(_outDir, "mvai-assistant-teams.zip");

    internal static (int ExitCode, string Output) RunPackage(string outDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repo.TeamsDir, "package.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["OUT_DIR"] = outDir;
        start.Environment.Remove("MICROSOFT_APP_ID");
        start.Environment.Remove("DOMAIN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "package.sh did not finish within 60 s");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Package_holds_exactly_the_manifest_and_the_two_icons_with_placeholders_filled()
    {
        var (exitCode, output) = RunPackage(_outDir, Repo.TestAppId, Repo.TestDomain);
        Assert.True(exitCode == 0, output);

        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(Repo.TestAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(Repo.TestAppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Contains(Repo.TestDomain, manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"https://{Repo.TestDomain}/privacy", (string?)manifest["developer"]!["privacyUrl"]);

        using var icon = zip.GetEntry("color.png")!.Open();
        using var copy = new MemoryStream();
        icon.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.TeamsDir, "color.png")), copy.ToArray());
    }

    [Theory]
    [InlineData("not-a-guid", Repo.TestDomain)]
    [InlineData("0f6e2b6a4c1d4e8a9d3b7a5c2e1f0b9d", Repo.TestDomain)]
    [InlineData(Repo.TestAppId, "https://mvai-test.example.org")]
    [InlineData(Repo.TestAppId, "mvai-test.example.org/api")]
    public void Package_refuses_a_bad_app_id_or_domain(string appId, string domain)
    {
        var (exitCode, output) = RunPackage(_outDir, appId, domain);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(appId == Repo.TestAppId ? "DOMAIN" : "MICROSOFT_APP_ID", output, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public void Package_refuses_to_run_without_an_app_id()
    {
        var (exitCode, output) = RunPackage(_outDir);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("MICROSOFT_APP_ID is required", output, StringComparison.Ordinal);
    }
}
