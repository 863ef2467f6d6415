using System.Text.Json.Nodes;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Privacy;

/// <summary>
/// Data requests through the advisor console API: export a stored request with everything kept about its
/// conversation, delete it, and read who did either.
/// </summary>
internal static class RequestDataEndpoints
{
    /// <summary>Maps the data requests into the advisor console's API, for signed-in advisors only.</summary>
    public static IEndpointRouteBuilder MapRequestData(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapAdvisorApi();
        var requests = api.MapGroup("/requests/{reference}");
        requests.MapGet("/export", ExportAsync);
        requests.MapGet("/audit", AuditAsync);
        requests.MapDelete(string.Empty, DeleteAsync).AddEndpointFilter<SameOriginFilter>();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, string reference, RequestData data, ILogger<RequestData> logger)
    {
        if (await data.ExportAsync(reference, http.User.Advisor().Id, http.RequestAborted) is not { } export)
        {
            return NotFound();
        }
        PrivacyLog.Exported(logger, reference);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{reference}.json\"";
        return Results.Text(export.ToJsonString(), "application/json");
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string reference, RequestData data, ILogger<RequestData> logger)
    {
        var (outcome, cases, transcript) = await data.DeleteAsync(reference, http.User.Advisor().Id, http.RequestAborted);
        switch (outcome)
        {
            case DeletionOutcome.NotFound:
                return NotFound();
            case DeletionOutcome.CaseStillOpen:
                return Results.Json(new ConsoleError("A handoff case of this conversation is still open: close it before deleting the request."),
                    AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status409Conflict);
            default:
                PrivacyLog.Deleted(logger, reference, cases, transcript);
                var body = new JsonObject { ["deleted"] = reference, ["handoffCases"] = cases, ["transcriptActivities"] = transcript };
                return Results.Text(body.ToJsonString(), "application/json");
        }
    }

    private static async Task<IResult> AuditAsync(string reference, IDataAuditStore audit, HttpContext http)
    {
        var entries = new JsonArray();
        foreach (var entry in await audit.ListAsync(reference, http.RequestAborted))
        {
            entries.Add(new JsonObject { ["action"] = entry.Action, ["reference"] = entry.Reference, ["actor"] = entry.Actor, ["at"] = entry.At });
        }
        return Results.Text(entries.ToJsonString(), "application/json");
    }

    private static IResult NotFound() =>
        Results.Json(new ConsoleError("There is no such request."), AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status404NotFound);
}
