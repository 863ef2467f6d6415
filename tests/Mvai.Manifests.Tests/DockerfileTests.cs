using System.Text.RegularExpressions;

namespace Mvai.Manifests.Tests;

/// <summary>Docker cannot run here, so these read the Dockerfile's instructions.</summary>
public sealed partial class DockerfileTests
{
    /// <summary>Instructions with line continuations joined and comments dropped.</summary>
    private static List<string> Instructions()
    {
        var text = File.ReadAllText(Repo.PathOf("Dockerfile"));
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith('#'));
        var joined = ContinuationRegex().Replace(string.Join('\n', lines), " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    private static bool Is(string instruction, string keyword) =>
        instruction.StartsWith(keyword + " ", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Dockerfile_has_an_sdk_build_stage_and_an_aspnet_runtime_stage()
    {
        var froms = Instructions().Where(i => Is(i, "FROM")).ToList();
        Assert.Equal(2, froms.Count);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0\b.* AS build$", froms[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\b", froms[1]);
        var instructions = Instructions();
        Assert.Contains(instructions, i => Is(i, "RUN") && i.Contains("nodejs", StringComparison.Ordinal) && i.Contains("npm", StringComparison.Ordinal));
        Assert.Contains(instructions, i => Is(i, "RUN") && i.Contains("dotnet publish Mvai.Bot -c Release -o /app", StringComparison.Ordinal));
        Assert.Contains(instructions, i => Is(i, "COPY") && i.Contains("--from=build", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_stage_runs_as_a_non_root_user_on_port_8080()
    {
        var instructions = Instructions();
        var runtime = instructions.Skip(instructions.FindLastIndex(i => Is(i, "FROM"))).ToList();
        var user = Assert.Single(runtime, i => Is(i, "USER"));
        var name = user["USER ".Length..].Trim().Split(':')[0];
        Assert.DoesNotContain(name, new[] { "root", "0" });
        Assert.Contains(runtime, i => Is(i, "ENV") && i.Contains("ASPNETCORE_URLS=http://+:8080", StringComparison.Ordinal));
        Assert.Contains(runtime, i => i == "EXPOSE 8080");
    }

    [Fact]
    public void Runtime_stage_has_a_healthcheck_on_healthz_that_the_image_can_run()
    {
        var instructions = Instructions();
        var runtime = instructions.Skip(instructions.FindLastIndex(i => Is(i, "FROM"))).ToList();
        var healthcheck = Assert.Single(runtime, i => Is(i, "HEALTHCHECK"));
        Assert.Contains("http://localhost:8080/healthz", healthcheck, StringComparison.Ordinal);
        // The aspnet image has no curl: the runtime stage must install it.
        Assert.Contains(runtime, i => Is(i, "RUN") && i.Contains("apt-get install", StringComparison.Ordinal) && i.Contains("curl", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerignore_keeps_local_state_and_build_output_out_of_the_context()
    {
        var entries = File.ReadAllLines(Repo.PathOf(".dockerignore")).Select(l => l.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { ".git", "**/bin", "**/obj", "node_modules", "Mvai.Bot/data" }, entries);
    }

    [GeneratedRegex(@"\\\n")]
    private static partial Regex ContinuationRegex();
}
