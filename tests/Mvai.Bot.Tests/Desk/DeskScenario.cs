using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Desk;

/// <summary>
/// The request desk's test world: the real app with the advisor desk open, a real SMTP sink behind the alert outbox
/// (the team's address is copied on every alert), two peer advisors on the roster, and the stand-in channel that
/// receives what the requester is told outside their turn.
/// </summary>
internal static class DeskScenario
{
    public const string TeamAddress = "mvai-team@iacp.example";
    public const string OnCallAddress = "duty@mvai.example";

    public static Dictionary<string, string?> Settings(int smtpPort, IDictionary<string, string?>? more = null)
    {
        var settings = TestAdvisors.OnDuty(AlertTestSettings.For(smtpPort));
        settings["Handoff:Alerts:AlwaysCopy:0"] = TeamAddress;
        settings["Handoff:PublicBaseUrl"] = "https://mvai.example/";
        TestRoster.AddTo(settings);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Posts a team action and returns the status code and body.</summary>
    public static Task<(HttpStatusCode Status, JsonNode? Body)> ActAsync(
        this AdvisorClient advisor, string reference, string action, long version, string? advisorId = null) =>
        advisor.PostJsonAsync($"api/advisor/requests/{reference}/actions", new { action, version, advisorId });

    /// <summary>Records a contact with the agency (<c>method</c> Phone, Email or Teams; <c>by</c> Team or PeerAdvisor).</summary>
    public static Task<(HttpStatusCode Status, JsonNode? Body)> ContactAsync(
        this AdvisorClient advisor, string reference, string method, string? by = null, DateTimeOffset? at = null) =>
        advisor.PostJsonAsync($"api/advisor/requests/{reference}/contacts", new { method, by, at });

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this AdvisorClient advisor, string path, object body)
    {
        using var response = await advisor.PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<JsonNode> RequestAsync(this AdvisorClient advisor, string reference) =>
        advisor.JsonAsync($"api/advisor/requests/{reference}");

    /// <summary>The history as "actor: action (detail)" lines.</summary>
    public static IEnumerable<string> History(JsonNode detail) => detail["history"]!.AsArray().Select(h =>
        $"{h!["actor"]}: {h["action"]}" + (h["detail"] is { } d ? $" ({d})" : string.Empty));

    public static long Version(JsonNode detail) => (long)detail["request"]!["version"]!;

    public static string Status(JsonNode detail) => (string)detail["request"]!["status"]!;
}
