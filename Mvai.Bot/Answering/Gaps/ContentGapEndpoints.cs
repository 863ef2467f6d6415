using System.Globalization;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Answering.Gaps;

/// <summary>
/// The content-gap report in the advisor console API: <c>GET content-gaps?days=30</c> (JSON, grouped by topic) and
/// <c>GET content-gaps.csv?days=30</c> (a download). <c>days</c> is 1 to 365; anything else is a 400.
/// </summary>
internal static class ContentGapEndpoints
{
    public static IEndpointRouteBuilder MapContentGaps(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapAdvisorApi();
        api.MapGet("/content-gaps", JsonAsync);
        api.MapGet("/content-gaps.csv", CsvAsync);
        return endpoints;
    }

    private static Task<IResult> JsonAsync(HttpContext http, ContentGapReport report, ILogger<ContentGapReport> logger) =>
        AnswerAsync(http, report, logger, "json", (groups, days) =>
            Results.Text(ContentGapReport.ToJson(groups, days).ToJsonString(), "application/json"));

    private static Task<IResult> CsvAsync(HttpContext http, ContentGapReport report, ILogger<ContentGapReport> logger) =>
        AnswerAsync(http, report, logger, "csv", (groups, days) =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"mvai-content-gaps-{days}d.csv\"";
            return Results.Text(ContentGapCsv.Write(groups), "text/csv; charset=utf-8");
        });

    private static async Task<IResult> AnswerAsync(
        HttpContext http, ContentGapReport report, ILogger<ContentGapReport> logger, string format, Func<IReadOnlyList<ContentGapGroup>, int, IResult> write)
    {
        if (!TryReadDays(http, out var days))
        {
            return Results.Json(new ConsoleError($"days must be a whole number from 1 to {ContentGapReport.MaxDays}."), AdvisorConsoleJson.Default.ConsoleError,
                statusCode: StatusCodes.Status400BadRequest);
        }
        var groups = await report.BuildAsync(days, http.RequestAborted);
        var rows = groups.Sum(g => g.Rows.Count);
        AnswerLog.GapReportRead(logger, rows, format);
        return write(groups, days);
    }

    private static bool TryReadDays(HttpContext http, out int days)
    {
        var raw = http.Request.Query["days"];
        if (raw.Count == 0)
        {
            days = ContentGapReport.DefaultDays;
            return true;
        }
        return int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= ContentGapReport.MaxDays;
    }
}
