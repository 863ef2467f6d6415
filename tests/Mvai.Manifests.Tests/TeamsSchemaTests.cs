using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Mvai.Manifests.Tests;

/// <summary>
/// Validates manifest.json (placeholders filled with test values, as package.sh does) against the official Teams
/// schema for its manifestVersion, when the schema folder (/work/shared/schemas/teams or ../shared/schemas/teams
/// beside the repository) is on this machine. The schemas are reference data and are never copied into the repo.
/// </summary>
public sealed class TeamsSchemaTests(ITestOutputHelper output)
{
    private static JsonObject FilledManifest() => JsonNode.Parse(TeamsManifestTests.ManifestText
        .Replace(Repo.AppIdPlaceholder, Repo.TestAppId, StringComparison.Ordinal)
        .Replace(Repo.DomainPlaceholder, Repo.TestDomain, StringComparison.Ordinal))!.AsObject();

    private MiniJsonSchema? LoadSchema()
    {
        var dir = Repo.TeamsSchemaDir;
        var version = (string?)TeamsManifestTests.Manifest["manifestVersion"];
        if (dir is null)
        {
            output.WriteLine("Teams schema folder not found (/work/shared/schemas/teams or ../shared/schemas/teams): "
                + "schema validation NOT run; the structural checks in TeamsManifestTests still apply.");
            return null;
        }
        var file = Path.Combine(dir, $"v{version}.json");
        if (!File.Exists(file))
        {
            output.WriteLine($"No schema for manifestVersion {version} in {dir}: schema validation NOT run.");
            return null;
        }
        output.WriteLine($"Validating against {file}");
        using var schema = JsonDocument.Parse(File.ReadAllText(file));
        return new MiniJsonSchema(schema.RootElement.Clone());
    }

    private static IReadOnlyList<string> Validate(MiniJsonSchema schema, JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        return schema.Validate(document.RootElement);
    }

    [Fact]
    public void Filled_manifest_is_valid_against_the_official_schema()
    {
        var schema = LoadSchema();
        if (schema is null)
        {
            return;
        }
        var errors = Validate(schema, FilledManifest());
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Schema_validation_fails_on_an_unknown_property()
    {
        var schema = LoadSchema();
        if (schema is null)
        {
            return;
        }
        var manifest = FilledManifest();
        manifest["unknownProperty"] = true;
        Assert.Contains(Validate(schema, manifest), e => e.Contains("unknownProperty", StringComparison.Ordinal));

        var nested = FilledManifest();
        nested["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["icon"] = "x.png";
        Assert.Contains(Validate(schema, nested), e => e.StartsWith("$.bots[0].commandLists[0].commands[0].icon", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_validation_fails_on_a_missing_required_property()
    {
        var schema = LoadSchema();
        if (schema is null)
        {
            return;
        }
        var manifest = FilledManifest();
        manifest.Remove("accentColor");
        Assert.Contains(Validate(schema, manifest), e => e.Contains("'accentColor' is missing", StringComparison.Ordinal));

        var developer = FilledManifest();
        developer["developer"]!.AsObject().Remove("privacyUrl");
        Assert.Contains(Validate(schema, developer), e => e.Contains("'privacyUrl' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_validation_fails_on_an_unfilled_placeholder_and_a_too_long_name()
    {
        var schema = LoadSchema();
        if (schema is null)
        {
            return;
        }
        var unfilled = JsonNode.Parse(TeamsManifestTests.ManifestText)!;
        Assert.Contains(Validate(schema, unfilled), e => e.StartsWith("$.bots[0].botId", StringComparison.Ordinal));

        var longName = FilledManifest();
        longName["name"]!["short"] = new string('x', 31);
        Assert.Contains(Validate(schema, longName), e => e.StartsWith("$.name.short", StringComparison.Ordinal));
    }
}
