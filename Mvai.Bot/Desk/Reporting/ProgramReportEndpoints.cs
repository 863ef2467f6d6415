using Mvai.Bot.Desk.Requests;

namespace Mvai.Bot.Desk.Reporting;

/// <summary>Program reporting in the console API: <c>GET /api/advisor/report</c> (JSON) and <c>/report.csv</c>.</summary>
internal static class ProgramReportEndpoints
{
    public static RouteGroupBuilder MapProgramReport(this RouteGroupBuilder api)
    {
        api.MapGet("/report", async (IRequestDeskStore store, HttpContext http) =>
            Results.Json(ProgramReport.From(await store.ListAsync(http.RequestAborted)), DeskJson.Default.ProgramReport));
        api.MapGet("/report.csv", async (IRequestDeskStore store, TimeProvider clock, HttpContext http) =>
        {
            var csv = ProgramReportCsv.Write(await store.ListAsync(http.RequestAborted));
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"mvai-requests-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
            return Results.Text(csv, "text/csv; charset=utf-8");
        });
        return api;
    }
}
