using System.Text.Json.Nodes;

namespace Mvai.Bot.Handoff;

/// <summary>
/// What the bot tells the hub about a handoff; travels as the <c>value</c> of <c>handoff.initiate</c>, so an
/// external hub gets the same routing facts as the built-in one.
/// </summary>
public sealed record HandoffTicket(
    HandoffReason Reason,
    int Priority,
    string? RequestReference,
    IReadOnlyList<KeyValuePair<string, string>> Details)
{
    /// <summary>The queue the MVAI advisors work from, for hubs that route by skill.</summary>
    public const string Skill = "mvai-advisors";

    public JsonObject ToJson()
    {
        var details = new JsonArray();
        foreach (var (label, value) in Details)
        {
            details.Add(new JsonObject { ["label"] = label, ["value"] = value });
        }
        return new JsonObject
        {
            ["skill"] = Skill,
            ["reason"] = Reason.ToString(),
            ["priority"] = Priority,
            ["requestReference"] = RequestReference,
            ["details"] = details,
        };
    }

    /// <summary>Reads a ticket back; anything missing or odd falls back to a plain request for a person.</summary>
    public static HandoffTicket FromJson(JsonNode? value)
    {
        var reason = Enum.TryParse<HandoffReason>((string?)value?["reason"], out var parsed) ? parsed : HandoffReason.UserAsked;
        var priority = value?["priority"] is JsonValue p && p.TryGetValue(out int number) ? number : HandoffPriority.ForReason(reason);
        var details = (value?["details"] as JsonArray ?? [])
            .Select(d => new KeyValuePair<string, string>((string?)d?["label"] ?? string.Empty, (string?)d?["value"] ?? string.Empty))
            .Where(d => d.Key.Length > 0)
            .ToList();
        return new HandoffTicket(reason, priority, (string?)value?["requestReference"], details);
    }
}
