using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Mvai.Bot.Privacy;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>
/// The app settings manifests/azure/azuredeploy.json gives the Web App, evaluated as Azure would, against what the
/// app really reads: the app must start on them, and every one must be a key the app asks for (a misspelt or
/// stale setting would be silently ignored in production).
/// </summary>
public sealed partial class AzureDeploymentSettingsTests
{
    /// <summary>Settings read by the platform, not by the app, and why they are in the template.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        ["WEBSITES_PORT"] = "App Service's front end forwards to this port",
        ["ASPNETCORE_ENVIRONMENT"] = "read by the host before any app configuration exists",
        ["WEBSITE_WARMUP_PATH"] = "App Service pings it before a new instance gets traffic; /healthz answers once the start-up warm-up is done",
    };

    private static readonly JsonObject Template =
        AzureAppSettings.Load(Path.Combine(RepositoryPaths.Root, "manifests", "azure", "azuredeploy.json"));

    [Fact]
    public async Task The_app_starts_on_the_deployed_settings_and_reads_every_one_of_them()
    {
        var deployed = AzureAppSettings.Evaluate(Template, new Dictionary<string, JsonNode?>
        {
            ["teamsAllowedTenants"] = new JsonArray("7d1c3a2b-5e4f-4a6b-8c9d-0e1f2a3b4c5d"),
            ["advisorAccounts"] = new JsonArray(new JsonObject
            {
                ["id"] = TestAdvisors.AliceId,
                ["displayName"] = TestAdvisors.AliceName,
                ["secretHash"] = TestAdvisors.Accounts["Advisors:Accounts:0:SecretHash"],
            }),
            ["defaultOnCall"] = new JsonObject { ["Name"] = "Duty Advisor", ["Email"] = "duty@example.org", ["Phone"] = "" },
            ["retentionDays"] = 30,
        });
        var asConfiguration = deployed
            .Where(s => !PlatformSettings.ContainsKey(s.Key))
            .ToDictionary(s => ConfigurationKey(s.Key), s => (string?)s.Value, StringComparer.OrdinalIgnoreCase);
        // Two stand-ins for what only Azure has: the PostgreSQL server (this test's SQLite file takes its place; the
        // provider itself is tested on a real PostgreSQL elsewhere) and the public URL (a free loopback port).
        asConfiguration.Remove("Storage:Provider");
        asConfiguration.Remove("Storage:ConnectionString");
        asConfiguration.Remove("Urls");
        asConfiguration["Advisors:SessionKeysDirectory"] = Path.Combine(Path.GetTempPath(), "mvai-tests", Guid.NewGuid().ToString("N"));

        var recorder = new ConfigurationReadRecorder();
        IServiceCollection? services = null;
        await using var host = await BotTestHost.StartAsync(asConfiguration, configure: builder =>
        {
            builder.Configuration.Sources.Add(recorder);
            services = builder.Services;
        });
        ReadAllOptions(host.Services, services!);

        // Production mode: an unauthenticated activity is refused, so the app id and tenant took effect.
        using var anonymous = await host.Client.PostAsync("api/messages", new StringContent("""
            {"type":"message","id":"a1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",
             "from":{"id":"29:user"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:1"},"text":"hello"}
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // A number parameter reaches the app as the number it is (app settings are strings).
        Assert.Equal(30, host.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.Days);

        var unread = deployed.Keys
            .Where(name => !PlatformSettings.ContainsKey(name))
            .Where(name => !recorder.Keys.Contains(ConfigurationKey(name), StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.True(unread.Count == 0, $"The template sets settings the app never reads: {string.Join(", ", unread)}");
    }

    [Fact]
    public async Task The_recorder_notices_a_setting_nobody_reads()
    {
        // The check above can fail: a misspelt key is set but never asked for.
        var recorder = new ConfigurationReadRecorder();
        IServiceCollection? services = null;
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["WebChat:AllowedOrigin:0"] = "https://www.theiacp.org" },
            configure: builder =>
            {
                builder.Configuration.Sources.Add(recorder);
                services = builder.Services;
            });
        ReadAllOptions(host.Services, services!);

        Assert.Contains("WebChat:AllowedOrigins", recorder.Sections, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("WebChat:AllowedOrigin:0", recorder.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary><c>Handoff__Hours__TimeZone</c> → <c>Handoff:Hours:TimeZone</c>; <c>ASPNETCORE_X</c> → <c>X</c>, as the host maps them.</summary>
    private static string ConfigurationKey(string appSetting) =>
        AspNetCorePrefix().Replace(appSetting, string.Empty).Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Options are bound when first used; use every one the app registered, as a long-running instance would.</summary>
    private static void ReadAllOptions(IServiceProvider provider, IServiceCollection services)
    {
        var optionTypes = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct();
        foreach (var type in optionTypes)
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        }
    }

    [GeneratedRegex("^ASPNETCORE_")]
    private static partial Regex AspNetCorePrefix();
}
