using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Console;

/// <summary>What advisors do: claim a case, reply to the user, close it with a note.</summary>
internal static class AdvisorActionEndpoints
{
    // A reply or note is a few kilobytes at most; anything far larger is refused before it is read.
    private const long MaxBodyBytes = 64 * 1024;
    private const int MaxNoteLength = 2000;

    public static RouteGroupBuilder MapAdvisorActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/cases/{id}")
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new BodySizeLimit(MaxBodyBytes));
        actions.MapPost("/claim", ClaimAsync);
        actions.MapPost("/messages", ReplyAsync);
        actions.MapPost("/close", CloseAsync);
        return api;
    }

    private static async Task<IResult> ClaimAsync(HttpContext http, string id, AdvisorDesk desk) =>
        Outcome(await desk.ClaimAsync(id, http.User.Advisor(), http.RequestAborted), "Another advisor has already claimed this case.");

    private static async Task<IResult> ReplyAsync(
        HttpContext http, string id, ReplyRequest request, AdvisorDesk desk, IOptions<AdvisorConsoleOptions> options)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Error(StatusCodes.Status400BadRequest, "The reply is empty.");
        }
        if (text.Length > options.Value.MaxReplyLength)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The reply is longer than {options.Value.MaxReplyLength} characters.");
        }
        return Outcome(await desk.ReplyAsync(id, http.User.Advisor(), text, http.RequestAborted), "Claim this case before replying.");
    }

    private static async Task<IResult> CloseAsync(HttpContext http, string id, CloseRequest? request, AdvisorDesk desk)
    {
        var note = request?.Note?.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The note is longer than {MaxNoteLength} characters.");
        }
        return Outcome(await desk.CloseAsync(id, http.User.Advisor().Id, string.IsNullOrEmpty(note) ? null : note, http.RequestAborted),
            "This case is already closed.");
    }

    private static IResult Outcome(HubOutcome outcome, string conflict) => outcome switch
    {
        HubOutcome.Done => Results.Json(new ActionResult(true, true, null), AdvisorConsoleJson.Default.ActionResult),
        HubOutcome.NotDelivered => Results.Json(
            new ActionResult(true, false, "Saved in the case, but the user's chat could not be reached just now."),
            AdvisorConsoleJson.Default.ActionResult, statusCode: StatusCodes.Status202Accepted),
        HubOutcome.NotFound => AdvisorQueueEndpoints.CaseNotFound(),
        _ => Error(StatusCodes.Status409Conflict, conflict),
    };

    private static IResult Error(int status, string message) =>
        Results.Json(new ConsoleError(message), AdvisorConsoleJson.Default.ConsoleError, statusCode: status);
}
