using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mvai.Manifests.Tests;

/// <summary>Reads manifests/azure/azuredeploy.json (ARM) and checks it wires up what the app reads.</summary>
public sealed partial class AzureTemplateTests
{
    /// <summary>Every setting the app needs in Azure (README, "Configuration"; __ stands for :).</summary>
    private static readonly string[] AppSettings =
    [
        "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType",
        "Storage__Provider", "Storage__ConnectionString", "DirectLine__Secret",
    ];

    private static readonly JsonObject Template =
        JsonNode.Parse(File.ReadAllText(Repo.PathOf("manifests", "azure", "azuredeploy.json")))!.AsObject();

    private static IEnumerable<JsonNode> Resources(string type) =>
        Template["resources"]!.AsArray().Where(r => (string?)r!["type"] == type)!;

    private static JsonNode WebApp => Assert.Single(Resources("Microsoft.Web/sites"));

    private static Dictionary<string, string> Settings => WebApp["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
        .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    [Fact]
    public void Every_app_setting_the_app_reads_is_set_and_documented()
    {
        var settings = Settings;
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        foreach (var name in AppSettings)
        {
            Assert.True(settings.ContainsKey(name), $"app setting {name} missing");
            Assert.False(string.IsNullOrWhiteSpace(settings[name]), $"app setting {name} is empty");
            Assert.Contains($"`{name.Replace("__", ":", StringComparison.Ordinal)}`", readme, StringComparison.Ordinal);
        }
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal("Postgres", settings["Storage__Provider"]);
        Assert.Contains("postgresServerName", settings["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("fullyQualifiedDomainName", settings["Storage__ConnectionString"], StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_come_from_securestring_parameters()
    {
        var parameters = Template["parameters"]!.AsObject();
        foreach (var secret in new[] { "microsoftAppPassword", "directLineSecret", "postgresAdminPassword" })
        {
            Assert.Equal("securestring", (string?)parameters[secret]!["type"]);
            Assert.Null(parameters[secret]!["defaultValue"]);
        }
        var settings = Settings;
        Assert.Equal("[parameters('microsoftAppPassword')]", settings["MicrosoftAppPassword"]);
        Assert.Equal("[parameters('directLineSecret')]", settings["DirectLine__Secret"]);
        // No other setting value may be a literal that looks like a secret: every parameter it uses is declared.
        foreach (var value in settings.Values)
        {
            foreach (Match m in ParameterRegex().Matches(value))
            {
                Assert.True(parameters.ContainsKey(m.Groups[1].Value), $"undeclared parameter {m.Groups[1].Value}");
            }
        }
    }

    [Fact]
    public void Web_app_is_linux_dotnet_10_https_only_with_the_healthz_check()
    {
        var properties = WebApp["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)properties["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("/healthz", (string?)properties["siteConfig"]!["healthCheckPath"]);
        Assert.True((bool)properties["siteConfig"]!["webSocketsEnabled"]!);
        var plan = Assert.Single(Resources("Microsoft.Web/serverfarms"));
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void Bot_is_single_tenant_with_the_messages_endpoint_and_teams_and_direct_line_channels()
    {
        var bot = Assert.Single(Resources("Microsoft.BotService/botServices"));
        var properties = bot["properties"]!;
        Assert.Equal("SingleTenant", (string?)properties["msaAppType"]);
        Assert.Equal("[parameters('microsoftAppId')]", (string?)properties["msaAppId"]);
        Assert.Equal("[parameters('microsoftAppTenantId')]", (string?)properties["msaAppTenantId"]);
        var endpoint = (string)Template["variables"]![((string)properties["endpoint"]!)["[variables('".Length..^"')]".Length]]!;
        Assert.Equal("[concat('https://', parameters('webAppName'), '.azurewebsites.net/api/messages')]", endpoint);
        var channels = Resources("Microsoft.BotService/botServices/channels").Select(c => (string?)c["properties"]!["channelName"]);
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel"], channels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postgres_flexible_server_has_a_database_and_an_azure_services_firewall_rule()
    {
        Assert.Single(Resources("Microsoft.DBforPostgreSQL/flexibleServers"));
        Assert.Single(Resources("Microsoft.DBforPostgreSQL/flexibleServers/databases"));
        var rule = Assert.Single(Resources("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"))["properties"]!;
        Assert.Equal(("0.0.0.0", "0.0.0.0"), ((string?)rule["startIpAddress"], (string?)rule["endIpAddress"]));
    }

    [GeneratedRegex(@"parameters\('([A-Za-z0-9]+)'\)")]
    private static partial Regex ParameterRegex();
}
