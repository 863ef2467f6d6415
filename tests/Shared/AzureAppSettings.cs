using System.Text.Json.Nodes;

namespace Mvai.Tests.Shared;

/// <summary>The app settings manifests/azure/azuredeploy.json gives the Web App, evaluated as a deployment would.</summary>
public static class AzureAppSettings
{
    /// <summary>Values for the parameters that have no default, as an operator would pass them.</summary>
    public static readonly IReadOnlyDictionary<string, JsonNode?> OperatorParameters = new Dictionary<string, JsonNode?>
    {
        ["botName"] = "mvai-assistant",
        ["webAppName"] = "mvai-assistant-app",
        ["appServicePlanName"] = "mvai-plan",
        ["microsoftAppId"] = "0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d",
        ["microsoftAppTenantId"] = "7d1c3a2b-5e4f-4a6b-8c9d-0e1f2a3b4c5d",
        ["microsoftAppPassword"] = "app-password-from-the-operator",
        ["postgresServerName"] = "mvai-pg",
        ["postgresAdminPassword"] = "pg-password-from-the-operator",
    };

    /// <summary>What Azure would answer for the functions only Azure can evaluate.</summary>
    public const string DirectLineSiteKey = "direct-line-site-key-from-azure";

    public static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    /// <summary>Name → value of every app setting of the template's Web App.</summary>
    public static Dictionary<string, string> Evaluate(JsonObject template, IReadOnlyDictionary<string, JsonNode?>? parameters = null)
    {
        var arm = Deployment(template, parameters);
        var site = template["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Web/sites")!;
        var settings = arm.Evaluate(site["properties"]!["siteConfig"]!["appSettings"])!.AsArray();
        return settings.ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!, StringComparer.Ordinal);
    }

    /// <summary>The template as deployed with the operator's parameters (plus <paramref name="parameters"/>).</summary>
    public static ArmTemplate Deployment(JsonObject template, IReadOnlyDictionary<string, JsonNode?>? parameters = null)
    {
        var values = new Dictionary<string, JsonNode?>(OperatorParameters, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters ?? new Dictionary<string, JsonNode?>())
        {
            values[name] = value;
        }
        return new ArmTemplate(template, values, AzureStandIn);
    }

    private static JsonNode? AzureStandIn(string function, JsonNode?[] args) => function.ToLowerInvariant() switch
    {
        "resourceid" => string.Join('/', args.Select(a => (string?)a)),
        "reference" when ((string?)args[0])!.StartsWith("Microsoft.DBforPostgreSQL/flexibleServers/", StringComparison.Ordinal) =>
            new JsonObject { ["fullyQualifiedDomainName"] = $"{((string?)args[0])!.Split('/')[^1]}.postgres.database.azure.com" },
        "listchannelwithkeys" when ((string?)args[0])!.EndsWith("/DirectLineChannel", StringComparison.Ordinal) =>
            new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["channelName"] = "DirectLineChannel",
                    ["properties"] = new JsonObject
                    {
                        ["sites"] = new JsonArray(new JsonObject { ["siteName"] = "Default Site", ["key"] = DirectLineSiteKey }),
                    },
                },
            },
        _ => throw new NotSupportedException($"No Azure stand-in for {function}({string.Join(", ", args.Select(a => a?.ToJsonString()))})."),
    };
}
