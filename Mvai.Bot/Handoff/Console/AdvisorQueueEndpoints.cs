namespace Mvai.Bot.Handoff.Console;

/// <summary>What advisors read: the queue, one case with its audit trail, and its transcript.</summary>
internal static class AdvisorQueueEndpoints
{
    public static RouteGroupBuilder MapAdvisorQueue(this RouteGroupBuilder api)
    {
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/cases/{id}", CaseAsync);
        api.MapGet("/cases/{id}/messages", MessagesAsync);
        return api;
    }

    /// <summary>Open cases, most urgent first, then cases closed since <paramref name="closedSince"/> when given.</summary>
    private static async Task<IResult> QueueAsync(
        HttpContext http, AdvisorHub hub, AdvisorAccountDirectory accounts, TimeProvider clock, DateTimeOffset? closedSince)
    {
        var now = clock.GetUtcNow();
        var me = http.User.Advisor();
        var cases = await hub.QueueAsync(closedSince, http.RequestAborted);
        var view = new QueueView([.. cases.Select(c => CaseViews.Summary(c, me, accounts, now))], now);
        return Results.Json(view, AdvisorConsoleJson.Default.QueueView);
    }

    private static async Task<IResult> CaseAsync(
        HttpContext http, string id, IHandoffStore store, AdvisorAccountDirectory accounts, TimeProvider clock)
    {
        if (await store.GetAsync(id, http.RequestAborted) is not { } handoff)
        {
            return CaseNotFound();
        }
        var audit = await store.GetAuditAsync(id, http.RequestAborted);
        var view = new CaseView(CaseViews.Summary(handoff, http.User.Advisor(), accounts, clock.GetUtcNow()), [.. audit.Select(CaseViews.Audit)]);
        return Results.Json(view, AdvisorConsoleJson.Default.CaseView);
    }

    /// <summary>Transcript lines after sequence <paramref name="after"/>, so the page asks only for what is new.</summary>
    private static async Task<IResult> MessagesAsync(HttpContext http, string id, IHandoffStore store, long? after)
    {
        if (await store.GetAsync(id, http.RequestAborted) is null)
        {
            return CaseNotFound();
        }
        var messages = await store.GetMessagesAsync(id, Math.Max(0, after ?? 0), http.RequestAborted);
        return Results.Json<IReadOnlyList<TranscriptLine>>([.. messages.Select(CaseViews.Line)], AdvisorConsoleJson.Default.IReadOnlyListTranscriptLine);
    }

    public static IResult CaseNotFound() =>
        Results.Json(new ConsoleError("There is no such case."), AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status404NotFound);
}
