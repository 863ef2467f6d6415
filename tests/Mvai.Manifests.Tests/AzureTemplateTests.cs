using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mvai.Manifests.Tests;

/// <summary>Reads manifests/azure/azuredeploy.json (ARM) and checks it wires up what the app reads.</summary>
public sealed partial class AzureTemplateTests
{
    /// <summary>Settings production cannot do without (docs/configuration.md; __ stands for :).</summary>
    private static readonly string[] ProductionSettings =
    [
        "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType",
        "Storage__Provider", "Storage__ConnectionString", "WebChat__DirectLineSecret", "WebChat__AllowedOrigins__0",
        "Handoff__PublicBaseUrl", "Handoff__Hours__TimeZone", "ForwardedHeaders__KnownNetworks__0",
    ];

    private static readonly JsonObject Template = AzureAppSettings.Load(Repo.PathOf("manifests", "azure", "azuredeploy.json"));

    private static IEnumerable<JsonNode> Resources(string type) =>
        Template["resources"]!.AsArray().Where(r => (string?)r!["type"] == type)!;

    private static JsonNode WebApp => Assert.Single(Resources("Microsoft.Web/sites"));

    private static Dictionary<string, string> Settings => AzureAppSettings.Evaluate(Template);

    [Fact]
    public void Production_settings_are_set_and_documented()
    {
        var settings = Settings;
        var configurationDoc = File.ReadAllText(Repo.PathOf("docs", "configuration.md"));
        foreach (var name in ProductionSettings)
        {
            Assert.True(settings.ContainsKey(name), $"app setting {name} missing");
            Assert.False(string.IsNullOrWhiteSpace(settings[name]), $"app setting {name} is empty");
            var documented = System.Text.RegularExpressions.Regex.Replace(name.Replace("__", ":", StringComparison.Ordinal), ":[0-9]+$", "");
            Assert.Contains($"`{documented}`", configurationDoc, StringComparison.Ordinal);
        }
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal("Postgres", settings["Storage__Provider"]);
        Assert.Equal(
            "Host=mvai-pg.postgres.database.azure.com;Port=5432;Database=mvai;Username=mvaiadmin;Password=pg-password-from-the-operator;Ssl Mode=Require;Maximum Pool Size=15",
            settings["Storage__ConnectionString"]);
        Assert.Equal("https://mvai-assistant-app.azurewebsites.net", settings["Handoff__PublicBaseUrl"]);
        // Behind App Service's front end the client address comes from X-Forwarded-For (per-IP rate limits), believed
        // from the private ranges the front end connects from only; the framework's switch would believe anyone.
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
            [settings["ForwardedHeaders__KnownNetworks__0"], settings["ForwardedHeaders__KnownNetworks__1"], settings["ForwardedHeaders__KnownNetworks__2"]]);
        Assert.False(settings.ContainsKey("ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
    }

    [Fact]
    public void Web_chat_uses_the_direct_line_channel_secret_and_the_embedding_sites_are_its_trusted_origins()
    {
        var settings = AzureAppSettings.Evaluate(Template, new Dictionary<string, JsonNode?>
        {
            ["embedSiteOrigins"] = new JsonArray("https://www.theiacp.org", "https://chiefs.example.org"),
        });
        Assert.Equal(AzureAppSettings.DirectLineSiteKey, settings["WebChat__DirectLineSecret"]);
        Assert.Equal("https://www.theiacp.org", settings["WebChat__AllowedOrigins__0"]);
        Assert.Equal("https://chiefs.example.org", settings["WebChat__AllowedOrigins__1"]);
        Assert.False(settings.ContainsKey("WebChat__AllowedOrigins__2"));
        Assert.False(settings.ContainsKey("DirectLine__Secret"), "the embedded Direct Line is not used in Azure");

        var channel = Resources("Microsoft.BotService/botServices/channels")
            .Single(c => (string?)c["properties"]!["channelName"] == "DirectLineChannel");
        var site = Assert.Single(channel["properties"]!["properties"]!["sites"]!.AsArray())!;
        Assert.True((bool)site["isSecureSiteEnabled"]!, "trusted origins are enforced only with enhanced authentication");
        Assert.Equal("[parameters('embedSiteOrigins')]", (string?)site["trustedOrigins"]);
        Assert.Contains(
            "[resourceId('Microsoft.BotService/botServices/channels', parameters('botName'), 'DirectLineChannel')]",
            WebApp["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Lists_and_maps_become_indexed_settings()
    {
        var settings = AzureAppSettings.Evaluate(Template, new Dictionary<string, JsonNode?>
        {
            ["teamsAllowedTenants"] = new JsonArray("tenant-a"),
            ["advisorAccounts"] = new JsonArray(
                new JsonObject { ["id"] = "rivera", ["displayName"] = "Advisor Rivera", ["secretHash"] = "pbkdf2-sha256$1$a$b" }),
            ["advisorWeeklyHours"] = new JsonObject { ["Monday"] = "08:00-18:00", ["Saturday"] = "10:00-14:00" },
        });
        Assert.Equal("tenant-a", settings["Teams__AllowedTenants__0"]);
        Assert.Equal("rivera", settings["Advisors__Accounts__0__Id"]);
        Assert.Equal("Advisor Rivera", settings["Advisors__Accounts__0__DisplayName"]);
        Assert.Equal("pbkdf2-sha256$1$a$b", settings["Advisors__Accounts__0__SecretHash"]);
        Assert.Equal("08:00-18:00", settings["Handoff__Hours__Weekly__Monday"]);
        Assert.Equal("10:00-14:00", settings["Handoff__Hours__Weekly__Saturday"]);
        Assert.False(settings.ContainsKey("Handoff__Hours__Weekly__Tuesday"));
    }

    [Fact]
    public void Secrets_come_from_securestring_parameters()
    {
        var parameters = Template["parameters"]!.AsObject();
        foreach (var secret in new[] { "microsoftAppPassword", "postgresAdminPassword" })
        {
            Assert.Equal("securestring", (string?)parameters[secret]!["type"]);
            Assert.Null(parameters[secret]!["defaultValue"]);
        }
        // Optional secrets: securestring, empty unless given.
        foreach (var secret in new[] { "smtpPassword", "alertWebhookUrl" })
        {
            Assert.Equal("securestring", (string?)parameters[secret]!["type"]);
            Assert.Equal(string.Empty, (string?)parameters[secret]!["defaultValue"]);
        }
        var settings = Settings;
        Assert.Equal("app-password-from-the-operator", settings["MicrosoftAppPassword"]);
        // Every parameter the template uses is declared.
        foreach (Match m in ParameterRegex().Matches(File.ReadAllText(Repo.PathOf("manifests", "azure", "azuredeploy.json"))))
        {
            Assert.True(parameters.ContainsKey(m.Groups[1].Value), $"undeclared parameter {m.Groups[1].Value}");
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
        var endpoint = AzureAppSettings.Deployment(Template).Evaluate(properties["endpoint"]);
        Assert.Equal("https://mvai-assistant-app.azurewebsites.net/api/messages", (string?)endpoint);
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
