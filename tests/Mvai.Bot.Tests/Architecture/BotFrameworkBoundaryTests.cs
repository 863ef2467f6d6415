using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Hosting;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Architecture;

/// <summary>
/// The Bot Framework layer is a library of its own: the compiler keeps it from the app's types as long as its projects
/// reference nothing of the app, and these tests keep that so (and keep product names out of its sources).
/// </summary>
public sealed partial class BotFrameworkBoundaryTests
{
    private static readonly string[] LayerProjects = ["Mvai.BotFramework", "Mvai.BotFramework.AspNetCore"];

    public static TheoryData<string> Layer => [.. LayerProjects];

    [Theory]
    [MemberData(nameof(Layer))]
    public void LayerAssembly_ReferencesNoAppAssembly(string project)
    {
        var assembly = AssemblyOf(project);

        var appReferences = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Mvai.", StringComparison.Ordinal) && !LayerProjects.Contains(name))
            .ToList();

        Assert.Empty(appReferences);
    }

    [Theory]
    [MemberData(nameof(Layer))]
    public void LayerAssembly_DeclaresTypesOnlyInItsOwnNamespaces(string project)
    {
        var strays = AssemblyOf(project).GetTypes()
            .Where(type => type.Namespace is { } ns && !ns.StartsWith("Mvai.BotFramework", StringComparison.Ordinal)
                && ns.StartsWith("Mvai", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Theory]
    [MemberData(nameof(Layer))]
    public void LayerProject_HasNoProjectReferenceOutsideTheLayer(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, project, project + ".csproj"));

        var references = csproj.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(name => !LayerProjects.Contains(name))
            .ToList();

        Assert.Empty(references);
    }

    [Theory]
    [MemberData(nameof(Layer))]
    public void LayerSources_NameNoAppNamespaceAndNoProductName(string project)
    {
        var offending = SourcesOf(project)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => AppNamespace().IsMatch(entry.line) || ProductLiteral().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(RepositoryPaths.Root, entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void TheScan_WouldSeeAnAppNamespaceOrAProductName()
    {
        Assert.Matches(AppNamespace(), "using Mvai.Bot.Intake;");
        Assert.Matches(AppNamespace(), "var x = Mvai.Knowledge.Answering.Foo;");
        Assert.Matches(ProductLiteral(), """public string BotId { get; set; } = "mvai-assistant";""");
        Assert.DoesNotMatch(AppNamespace(), "using Mvai.BotFramework.Protocol;");
        Assert.DoesNotMatch(ProductLiteral(), """public const string Name = "Mvai.BotFramework";""");
    }

    [Fact]
    public void TheFeatures_DependOnTheProactiveInterface_NotOnTheHttpAdapter()
    {
        var users = typeof(MvaiAssistantApp).Assembly.GetTypes()
            .Where(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(CloudAdapter))))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(users);
        Assert.True(typeof(IChannelAdapter).IsAssignableFrom(typeof(CloudAdapter)));
    }

    private static Assembly AssemblyOf(string project) => Assembly.Load(project);

    private static IEnumerable<string> SourcesOf(string project) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The app's and the knowledge library's namespaces (Mvai.Bot.X, Mvai.Knowledge), not Mvai.BotFramework.</summary>
    [GeneratedRegex(@"\bMvai\.(Bot\b(?!Framework)|Knowledge\b)")]
    private static partial Regex AppNamespace();

    /// <summary>A string literal naming the product (mvai-assistant, mvai-directline, mvai:callerId, mvai_directline).</summary>
    [GeneratedRegex(@"""[^""]*mvai[-_:][^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex ProductLiteral();
}
