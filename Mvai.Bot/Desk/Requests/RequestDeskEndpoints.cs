using Microsoft.Extensions.Options;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// The requests view of the advisor console under <c>/api/advisor/requests</c>: the list with filters, one request with
/// every field, its history, transcript and suggested peer advisors, and the team's changes and notes.
/// </summary>
internal static class RequestDeskEndpoints
{
    private const long MaxBodyBytes = 64 * 1024;
    private const int TranscriptLength = 200;

    public static RouteGroupBuilder MapRequestDesk(this RouteGroupBuilder api)
    {
        api.MapGet("/requests", ListAsync);
        var request = api.MapGroup("/requests/{reference}");
        request.MapGet(string.Empty, DetailAsync);
        var changes = request.MapGroup(string.Empty).AddEndpointFilter<SameOriginFilter>().WithMetadata(new BodySizeLimit(MaxBodyBytes));
        changes.MapPost("/actions", ActAsync);
        changes.MapPost("/notes", NoteAsync);
        changes.MapPost("/contacts", AgencyContactEndpoint.RecordAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IRequestDeskStore store, PeerAdvisorRoster roster, TimeProvider clock)
    {
        if (RequestListQuery.Parse(http.Request.Query, out var error) is not { } query)
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }
        var now = clock.GetUtcNow();
        var all = await store.ListAsync(http.RequestAborted);
        var advisors = await roster.SnapshotAsync(http.RequestAborted);
        var rows = query.Apply(all, now).Select(r => RequestViews.Row(r, advisors, now)).ToList();
        return Results.Json(new RequestList(rows, all.Count, now), DeskJson.Default.RequestList);
    }

    private static async Task<IResult> DetailAsync(
        HttpContext http, string reference, IRequestDeskStore store, ITranscriptStore transcripts, PeerAdvisorRoster roster, TimeProvider clock)
    {
        if (await store.GetAsync(reference, http.RequestAborted) is not { } desk)
        {
            return NotFound();
        }
        var history = await store.HistoryAsync(reference, http.RequestAborted);
        var advisors = await roster.SnapshotAsync(http.RequestAborted);
        var said = await transcripts.GetRecentAsync(desk.Stored.ChannelId, desk.Stored.ConversationId, TranscriptLength, http.RequestAborted);
        var detail = new RequestDetail(
            RequestViews.Row(desk, advisors, clock.GetUtcNow()),
            RequestViews.Fields(desk),
            [.. history.Select(h => new HistoryLine(h.Actor, h.Action, h.Detail, h.At))],
            [.. said.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text))
                .Select(a => new SpokenLine(a.From?.Id == desk.Stored.UserId ? "user" : "bot", a.Text!, a.Timestamp))],
            [.. PeerAdvisorMatcher.Suggest(desk.Stored.Request, advisors.Active).Select(RequestViews.Suggested)],
            RequestViews.Actions(desk.Status));
        return Results.Json(detail, DeskJson.Default.RequestDetail);
    }

    private static async Task<IResult> ActAsync(
        HttpContext http, string reference, RequestActionBody body, RequestDesk desk, MatchNotice notice, IRequestDeskStore store)
    {
        if (!Enum.TryParse<RequestAction>(body.Action, ignoreCase: true, out var action) || action == RequestAction.Withdraw || int.TryParse(body.Action, out _))
        {
            return Error(StatusCodes.Status400BadRequest, "Unknown action: use Review, Assign, Connected or Close.");
        }
        if (body.Version is not { } version)
        {
            return Error(StatusCodes.Status400BadRequest, "Send the version of the request you looked at.");
        }
        if (action == RequestAction.Assign && string.IsNullOrWhiteSpace(body.AdvisorId))
        {
            return Error(StatusCodes.Status400BadRequest, "Name the peer advisor to assign (advisorId).");
        }
        var outcome = await desk.ActAsync(reference, action, version, http.User.Advisor().Id, body.AdvisorId, http.RequestAborted);
        if (outcome == DeskOutcome.Done && action == RequestAction.Assign)
        {
            // Stored first; then the requester hears who will contact them.
            outcome = await notice.SendAsync(reference, http.RequestAborted);
        }
        var now = await store.GetAsync(reference, http.RequestAborted);
        return outcome switch
        {
            DeskOutcome.Done => Results.Json(new DeskResult(true, true, null, now?.Progress.Version), DeskJson.Default.DeskResult),
            DeskOutcome.NotDelivered => Results.Json(
                new DeskResult(true, false, "Saved, but the requester's chat could not be reached just now; they will see it when they ask for the status.", now?.Progress.Version),
                DeskJson.Default.DeskResult, statusCode: StatusCodes.Status202Accepted),
            DeskOutcome.NotFound => NotFound(),
            DeskOutcome.UnknownAdvisor => Error(StatusCodes.Status400BadRequest, "There is no peer advisor with that id on the roster."),
            DeskOutcome.Stale => Error(StatusCodes.Status409Conflict, "Someone changed this request a moment ago. Look at it again before deciding."),
            _ => Error(StatusCodes.Status409Conflict,
                $"A request that is {RequestViews.StatusLabel(now!.Status).ToLowerInvariant()} cannot be changed that way."),
        };
    }

    private static async Task<IResult> NoteAsync(HttpContext http, string reference, NoteBody body, RequestDesk desk, IOptions<DeskOptions> options)
    {
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Error(StatusCodes.Status400BadRequest, "The note is empty.");
        }
        if (text.Length > options.Value.MaxNoteLength)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The note is longer than {options.Value.MaxNoteLength} characters.");
        }
        return await desk.AddNoteAsync(reference, http.User.Advisor().Id, text, http.RequestAborted) == DeskOutcome.Done
            ? Results.Json(new DeskResult(true, true, null, null), DeskJson.Default.DeskResult)
            : NotFound();
    }

    internal static IResult NotFound() => Error(StatusCodes.Status404NotFound, "There is no such request.");

    internal static IResult Error(int status, string message) =>
        Results.Json(new ConsoleError(message), AdvisorConsoleJson.Default.ConsoleError, statusCode: status);
}
