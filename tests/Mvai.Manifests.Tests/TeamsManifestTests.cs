using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mvai.Manifests.Tests;

/// <summary>Structural checks on manifests/teams/manifest.json and its icons.</summary>
public sealed class TeamsManifestTests
{
    internal static readonly string[] Scopes = ["personal", "team", "groupChat"];

    internal static readonly string[] Commands = ["Request assistance", "Ask a question", "Talk to an advisor", "Help"];

    internal static string ManifestText => File.ReadAllText(Path.Combine(Repo.TeamsDir, "manifest.json"));

    internal static JsonObject Manifest => JsonNode.Parse(ManifestText)!.AsObject();

    [Fact]
    public void Manifest_parses_as_a_json_object()
    {
        using var document = JsonDocument.Parse(ManifestText);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Required_fields_are_present()
    {
        var m = Manifest;
        foreach (var field in new[] { "$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots", "validDomains", "webApplicationInfo" })
        {
            Assert.True(m.ContainsKey(field), $"manifest.json lacks '{field}'");
        }
        Assert.True(Guid.TryParse((string?)m["id"], out _), "the Teams app id must be a GUID");
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)m["version"]);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)m["accentColor"]);
        Assert.Equal("MVAI Assistant", (string?)m["name"]!["short"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)m["name"]!["full"]));
        Assert.Contains("not an emergency service", (string?)m["description"]!["full"], StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace((string?)m["description"]!["short"]));
        var developer = m["developer"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)developer["name"]));
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith($"https://{Repo.DomainPlaceholder}/", (string?)developer[url], StringComparison.Ordinal);
        }
        Assert.Equal("color.png", (string?)m["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)m["icons"]!["outline"]);
    }

    [Fact]
    public void Manifest_version_is_the_newest_schema_version_when_the_schemas_are_here()
    {
        var dir = Repo.TeamsSchemaDir;
        if (dir is null)
        {
            return;
        }
        var newest = Directory.GetFiles(dir, "v1.*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)[1..])
            .Select(v => (Text: v, Version: Version.Parse(v)))
            .MaxBy(v => v.Version).Text;
        Assert.Equal(newest, (string?)Manifest["manifestVersion"]);
    }

    [Fact]
    public void Bot_id_placeholder_is_used_for_the_bot_and_web_application_info_and_the_domain_for_valid_domains()
    {
        var m = Manifest;
        var bot = Assert.Single(m["bots"]!.AsArray())!;
        Assert.Equal(Repo.AppIdPlaceholder, (string?)bot["botId"]);
        Assert.Equal((string?)bot["botId"], (string?)m["webApplicationInfo"]!["id"]);
        Assert.Contains(Repo.AppIdPlaceholder, (string?)m["webApplicationInfo"]!["resource"], StringComparison.Ordinal);
        Assert.Contains(Repo.DomainPlaceholder, m["validDomains"]!.AsArray().Select(d => (string?)d));
        // Only these two placeholders exist, so package.sh can fill them all.
        var placeholders = System.Text.RegularExpressions.Regex.Matches(ManifestText, @"\{\{[A-Z_]+\}\}").Select(x => x.Value).Distinct().Order();
        Assert.Equal([Repo.DomainPlaceholder, Repo.AppIdPlaceholder], placeholders);
    }

    [Fact]
    public void Bot_has_the_three_scopes_and_team_and_group_chats_list_the_four_commands()
    {
        var bot = Manifest["bots"]![0]!;
        Assert.Equal(Scopes.Order(), bot["scopes"]!.AsArray().Select(s => (string)s!).Order());
        var lists = bot["commandLists"]!.AsArray();
        foreach (var scope in Scopes)
        {
            var list = Assert.Single(lists, l => l!["scopes"]!.AsArray().Any(s => (string?)s == scope))!;
            var commands = list["commands"]!.AsArray();
            if (scope != "personal")
            {
                Assert.Equal(Commands, commands.Select(c => (string)c!["title"]!));
            }
            Assert.All(commands, c =>
            {
                var description = (string)c!["description"]!;
                Assert.InRange(description.Length, 1, 128);
            });
        }
    }

    [Fact]
    public void PersonalChats_OfferPromptStarters_RequestAssistance_TalkToAnAdvisor_AndThreeCommonQuestions()
    {
        var personal = Manifest["bots"]![0]!["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "personal"))!;
        var prompts = personal["commands"]!.AsArray().Where(c => (string?)c!["type"] == "prompt").ToList();

        Assert.Equal(5, prompts.Count);
        Assert.Equal(["Request MVAI assistance", "Talk to an advisor"], prompts.Take(2).Select(p => (string)p!["prompt"]!));
        Assert.All(prompts.Skip(2), p => Assert.EndsWith("?", (string)p!["prompt"]!, StringComparison.Ordinal));
        Assert.All(prompts, p => Assert.InRange(((string)p!["title"]!).Length, 1, 32));
    }

    [Fact]
    public void Manifest_holds_no_secrets()
    {
        Assert.DoesNotContain("password", ManifestText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", ManifestText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Color_icon_is_a_192x192_png()
    {
        var png = Png.Read(File.ReadAllBytes(Path.Combine(Repo.TeamsDir, "color.png")));
        Assert.Equal((192, 192), (png.Width, png.Height));
        // Full colour: not a transparent outline.
        Assert.All(png.Pixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void Outline_icon_is_a_32x32_png_of_white_and_transparency_only()
    {
        var png = Png.Read(File.ReadAllBytes(Path.Combine(Repo.TeamsDir, "outline.png")));
        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.True(png.ColorType is 4 or 6, $"the outline needs an alpha channel (colour type {png.ColorType})");
        var pixels = png.Pixels();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither transparent nor white"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Png_reader_rejects_a_file_that_is_not_a_png()
    {
        Assert.Throws<InvalidDataException>(() => Png.Read("GIF89a not a png at all, just some bytes"u8.ToArray()));
    }
}
