using System.Globalization;
using System.Text;
using Mvai.Bot.Desk.Requests;

namespace Mvai.Bot.Desk.Reporting;

/// <summary>
/// The report as CSV for BJA: one row per request with only program facts (month, incident type, state, agency type,
/// urgency, status, hours to first contact and to match, how the agency was first reached). Every value comes from a closed list or a number, so no
/// cell can carry a name, a contact or a formula.
/// </summary>
internal static class ProgramReportCsv
{
    public const string Header = "reference,month,incident_type,state,agency_type,urgency,status,hours_to_first_contact,hours_to_match,first_contact_method";

    public static string Write(IEnumerable<DeskRequest> requests)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var request in requests.OrderBy(r => r.Stored.SubmittedAt))
        {
            var answers = request.Stored.Request;
            csv.AppendJoin(',',
                request.Reference,
                ProgramReport.Month(request),
                answers.IncidentType?.ToString() ?? string.Empty,
                answers.State ?? string.Empty,
                answers.AgencyType?.ToString() ?? string.Empty,
                answers.Urgency?.ToString() ?? string.Empty,
                request.Status.ToString(),
                Hours(ProgramReport.HoursTo(request, request.Progress.FirstContactAt)),
                Hours(ProgramReport.HoursTo(request, request.Progress.MatchedAt)),
                request.Progress.FirstContactMethod?.ToString() ?? string.Empty);
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Hours(double? hours) => hours?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
