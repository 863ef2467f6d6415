using System.Text.RegularExpressions;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Architecture;

/// <summary>Feature folders of the app that used to need each other, read from their usings: the broken cycles stay broken.</summary>
public sealed class FeatureDependencyTests
{
    [Theory]
    [InlineData("Answering", "Teams")]
    [InlineData("Answering", "Assistant")]
    [InlineData("Handoff", "Privacy")]
    public void AFeature_DoesNotUseTheOneThatDependsOnIt(string feature, string dependent)
    {
        Assert.Empty(FilesOf(feature).Where(file => Uses(file, dependent)).Select(file => Path.GetRelativePath(RepositoryPaths.Root, file)));
    }

    [Fact]
    public void TheScan_ReadsAUsingOfTheFeatureOrItsSubfolders_Only()
    {
        Assert.Matches(UsingOf("Handoff"), "using Mvai.Bot.Handoff.Console;");
        Assert.DoesNotMatch(UsingOf("Handoff"), "using Mvai.Bot.HandoffTools;");
    }

    private static IEnumerable<string> FilesOf(string feature) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.BotProject, feature), "*.cs", SearchOption.AllDirectories);

    private static bool Uses(string file, string feature) => File.ReadLines(file).Any(line => UsingOf(feature).IsMatch(line));

    private static Regex UsingOf(string feature) =>
        new($@"^\s*using\s+Mvai\.Bot\.{feature}(\.[\w.]+)?\s*;", RegexOptions.None, TimeSpan.FromSeconds(1));
}
