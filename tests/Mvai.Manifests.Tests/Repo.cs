namespace Mvai.Manifests.Tests;

/// <summary>Paths in the repository, found by walking up from the test assembly to Mvai.Bot.sln.</summary>
internal static class Repo
{
    /// <summary>The placeholders manifests/teams/package.sh fills.</summary>
    public const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";
    public const string DomainPlaceholder = "{{DOMAIN}}";

    /// <summary>Values the tests fill the placeholders with.</summary>
    public const string TestAppId = "0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d";
    public const string TestDomain = "mvai-test.example.org";

    public static string Root { get; } = FindRoot();

    public static string TeamsDir => Path.Combine(Root, "manifests", "teams");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The folder of official Teams manifest schemas, or null when this machine has none.</summary>
    public static string? TeamsSchemaDir
    {
        get
        {
            string[] candidates =
            [
                "/work/shared/schemas/teams",
                Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "teams")),
            ];
            return candidates.FirstOrDefault(Directory.Exists);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mvai.Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Mvai.Bot.sln not found above {AppContext.BaseDirectory}");
    }
}
