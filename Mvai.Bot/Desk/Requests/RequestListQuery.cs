using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// The requests list's filters and order, from the query string: <c>status</c>, <c>urgency</c>, <c>incidentType</c>
/// (enum names), <c>state</c> (two letters), <c>olderThanDays</c>, <c>sort</c> (<c>newest</c>, <c>oldest</c>,
/// <c>urgency</c>, <c>status</c>). An unknown value is an error the caller gets back, never silently ignored.
/// </summary>
internal sealed record RequestListQuery(
    RequestStatus? Status, Urgency? Urgency, IncidentType? IncidentType, string? State, int? OlderThanDays, string Sort)
{
    private static readonly string[] Sorts = ["newest", "oldest", "urgency", "status"];

    public static RequestListQuery? Parse(IQueryCollection query, out string? error)
    {
        error = null;
        var sort = query["sort"].ToString() is { Length: > 0 } s ? s.ToLowerInvariant() : "newest";
        if (!Sorts.Contains(sort))
        {
            error = $"Unknown sort '{sort}': use {string.Join(", ", Sorts)}.";
            return null;
        }
        if (!TryEnum<RequestStatus>(query, "status", out var status, ref error)
            | !TryEnum<Urgency>(query, "urgency", out var urgency, ref error)
            | !TryEnum<IncidentType>(query, "incidentType", out var incident, ref error))
        {
            return null;
        }
        int? olderThan = null;
        if (query["olderThanDays"].ToString() is { Length: > 0 } days)
        {
            if (!int.TryParse(days, out var parsed) || parsed < 0)
            {
                error = "olderThanDays must be a whole number of days.";
                return null;
            }
            olderThan = parsed;
        }
        var state = query["state"].ToString().Trim();
        return new RequestListQuery(status, urgency, incident, state.Length == 0 ? null : state, olderThan, sort);
    }

    public IEnumerable<DeskRequest> Apply(IEnumerable<DeskRequest> requests, DateTimeOffset now)
    {
        var matching = requests.Where(r =>
            (Status is null || r.Status == Status)
            && (Urgency is null || r.Stored.Request.Urgency == Urgency)
            && (IncidentType is null || r.Stored.Request.IncidentType == IncidentType)
            && (State is null || string.Equals(r.Stored.Request.State, State, StringComparison.OrdinalIgnoreCase))
            && (OlderThanDays is null || now - r.Stored.SubmittedAt >= TimeSpan.FromDays(OlderThanDays.Value)));
        return Sort switch
        {
            "oldest" => matching.OrderBy(r => r.Stored.SubmittedAt),
            // Most pressing first: today, this week, planning ahead, not given; older first within each.
            "urgency" => matching.OrderBy(r => r.Stored.Request.Urgency ?? (Urgency)int.MaxValue).ThenBy(r => r.Stored.SubmittedAt),
            "status" => matching.OrderBy(r => r.Status).ThenBy(r => r.Stored.SubmittedAt),
            _ => matching.OrderByDescending(r => r.Stored.SubmittedAt),
        };
    }

    private static bool TryEnum<T>(IQueryCollection query, string key, out T? value, ref string? error)
        where T : struct, Enum
    {
        value = null;
        var text = query[key].ToString();
        if (text.Length == 0)
        {
            return true;
        }
        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            value = parsed;
            return true;
        }
        error = $"Unknown {key} '{text}': use {string.Join(", ", Enum.GetNames<T>())}.";
        return false;
    }
}
