namespace Mvai.Bot.Desk.Roster;

internal sealed record RosterRow(
    string Id, string Name, string Role, string Agency, string Email, string Phone, IReadOnlyList<string> Incidents,
    IReadOnlyList<string> Topics, string State, bool Available, bool Retired, long Version, string Source);

/// <summary>The roster page: every advisor (retired ones too) and the words incidents and topics may use.</summary>
internal sealed record RosterList(IReadOnlyList<RosterRow> Advisors, IReadOnlyList<string> Incidents, IReadOnlyList<string> Topics);

internal sealed record RosterAuditLine(string AdvisorId, string Actor, string Action, string? Detail, DateTimeOffset At);

internal sealed record RosterAudit(IReadOnlyList<RosterAuditLine> Entries);

/// <summary>An advisor as the console sends it; <see cref="Version"/> is the one it looked at (none when adding).</summary>
internal sealed record RosterBody(
    string? Id, string? Name, string? Role, string? Agency, string? Email, string? Phone, List<string>? Incidents, List<string>? Topics,
    string? State, bool? Available, long? Version)
{
    public PeerAdvisor ToAdvisor(string id, bool retired) => new()
    {
        Id = id.Trim(),
        Name = Name?.Trim() ?? string.Empty,
        Role = Role?.Trim() ?? string.Empty,
        Agency = Agency?.Trim() ?? string.Empty,
        Email = Email?.Trim() ?? string.Empty,
        Phone = Phone?.Trim() ?? string.Empty,
        Incidents = [.. (Incidents ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct()],
        Topics = [.. (Topics ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct()],
        State = State?.Trim().ToUpperInvariant() ?? string.Empty,
        Available = Available ?? true,
        Retired = retired,
    };
}

internal sealed record RosterResult(string Id, long Version);

internal static class RosterViews
{
    public static RosterRow Row(RosterEntry entry)
    {
        var a = entry.Advisor;
        return new RosterRow(a.Id, a.Name, a.Role, a.Agency, a.Email, a.Phone, a.Incidents, a.Topics, a.State, a.Available, a.Retired,
            entry.Version, entry.Source.ToString());
    }

    /// <summary>What an edit changed, field by field ("Phone: (555) 1 → (555) 2"), for the audit.</summary>
    public static string Changes(PeerAdvisor before, PeerAdvisor after)
    {
        var fields = new (string Field, string Before, string After)[]
        {
            ("Name", before.Name, after.Name), ("Role", before.Role, after.Role), ("Agency", before.Agency, after.Agency),
            ("Email", before.Email, after.Email), ("Phone", before.Phone, after.Phone), ("State", before.State, after.State),
            ("Incidents", string.Join(", ", before.Incidents), string.Join(", ", after.Incidents)),
            ("Topics", string.Join(", ", before.Topics), string.Join(", ", after.Topics)),
            ("Available", Yes(before.Available), Yes(after.Available)), ("Retired", Yes(before.Retired), Yes(after.Retired)),
        };
        var changed = fields.Where(f => f.Before != f.After).Select(f => $"{f.Field}: {Shown(f.Before)} → {Shown(f.After)}").ToList();
        return changed.Count == 0 ? "no change" : string.Join("; ", changed);
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Shown(string value) => value.Length == 0 ? "(none)" : value;
}
