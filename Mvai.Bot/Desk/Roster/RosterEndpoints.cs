using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// The roster page's API under <c>/api/advisor/roster</c>: list, add, edit and retire peer advisors (never delete:
/// a retired advisor stays named on past assignments), each change checked against the version looked at and audited.
/// </summary>
internal static class RosterEndpoints
{
    private const long MaxBodyBytes = 16 * 1024;
    private const int AuditLength = 200;

    public static RouteGroupBuilder MapRoster(this RouteGroupBuilder api)
    {
        api.MapGet("/roster", ListAsync);
        api.MapGet("/roster/audit", AuditAsync);
        var changes = api.MapGroup("/roster").AddEndpointFilter<SameOriginFilter>().WithMetadata(new BodySizeLimit(MaxBodyBytes));
        changes.MapPost(string.Empty, AddAsync);
        changes.MapPut("/{id}", EditAsync);
        changes.MapPost("/{id}/retire", RetireAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, PeerAdvisorRoster roster)
    {
        var snapshot = await roster.SnapshotAsync(http.RequestAborted);
        return Results.Json(new RosterList([.. snapshot.Entries.Select(RosterViews.Row)], [.. MatchVocabulary.Incidents.Keys], [.. MatchVocabulary.Topics.Keys]),
            DeskJson.Default.RosterList);
    }

    private static async Task<IResult> AuditAsync(HttpContext http, IPeerAdvisorStore store)
    {
        var entries = await store.AuditAsync(AuditLength, http.RequestAborted);
        return Results.Json(new RosterAudit([.. entries.Select(e => new RosterAuditLine(e.AdvisorId, e.Actor, e.Action, e.Detail, e.At))]),
            DeskJson.Default.RosterAudit);
    }

    private static async Task<IResult> AddAsync(HttpContext http, RosterBody body, PeerAdvisorRoster roster, RosterChanges changes)
    {
        var advisor = body.ToAdvisor(body.Id ?? string.Empty, retired: false);
        if (PeerAdvisorCheck.EditProblems(advisor) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }
        if ((await roster.SnapshotAsync(http.RequestAborted)).Entry(advisor.Id) is not null)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status409Conflict, $"There is already a peer advisor with the id '{advisor.Id}'.");
        }
        return await SaveAsync(http, changes, advisor, null, 0, "added", StatusCodes.Status201Created);
    }

    private static async Task<IResult> EditAsync(HttpContext http, string id, RosterBody body, PeerAdvisorRoster roster, RosterChanges changes)
    {
        if ((await roster.SnapshotAsync(http.RequestAborted)).Entry(id) is not { } entry)
        {
            return NotFound();
        }
        if (body.Version is not { } version)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "Send the version of the advisor you looked at.");
        }
        if (body.Id is { } renamed && !string.Equals(renamed.Trim(), entry.Advisor.Id, StringComparison.OrdinalIgnoreCase))
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "An advisor's id cannot change; past assignments name it.");
        }
        var advisor = body.ToAdvisor(entry.Advisor.Id, entry.Advisor.Retired);
        if (PeerAdvisorCheck.EditProblems(advisor) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }
        return await SaveAsync(http, changes, advisor, entry, version, "edited", StatusCodes.Status200OK);
    }

    private static async Task<IResult> RetireAsync(HttpContext http, string id, RosterBody body, PeerAdvisorRoster roster, RosterChanges changes)
    {
        if ((await roster.SnapshotAsync(http.RequestAborted)).Entry(id) is not { } entry)
        {
            return NotFound();
        }
        if (body.Version is not { } version)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "Send the version of the advisor you looked at.");
        }
        if (entry.Advisor.Retired)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status409Conflict, "This peer advisor is already retired.");
        }
        var advisor = RosterBodyOf(entry.Advisor).ToAdvisor(entry.Advisor.Id, retired: true);
        return await SaveAsync(http, changes, advisor, entry, version, "retired", StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(
        HttpContext http, RosterChanges changes, PeerAdvisor advisor, RosterEntry? before, long version, string action, int status)
    {
        if (before is not null && version != before.Version)
        {
            return Stale();
        }
        if (await changes.SaveAsync(advisor, before, action, http.User.Advisor().Id, http.RequestAborted) is not { } saved)
        {
            return Stale();
        }
        return Results.Json(new RosterResult(advisor.Id, saved), DeskJson.Default.RosterResult, statusCode: status);
    }

    private static RosterBody RosterBodyOf(PeerAdvisor a) =>
        new(a.Id, a.Name, a.Role, a.Agency, a.Email, a.Phone, a.Incidents, a.Topics, a.State, a.Available, null);

    private static IResult Invalid(List<string> problems) =>
        RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, string.Join(" ", problems));

    private static IResult NotFound() => RequestDeskEndpoints.Error(StatusCodes.Status404NotFound, "There is no peer advisor with that id on the roster.");

    private static IResult Stale() =>
        RequestDeskEndpoints.Error(StatusCodes.Status409Conflict, "Someone changed this advisor a moment ago. Look at it again before saving.");
}
