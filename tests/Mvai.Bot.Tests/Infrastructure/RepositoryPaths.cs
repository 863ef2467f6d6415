namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Finds the repository from the test assembly, so tests run from any working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BotProject => Path.Combine(Root, "Mvai.Bot");

    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mvai.Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Mvai.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
