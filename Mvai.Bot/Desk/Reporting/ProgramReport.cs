using System.Globalization;
using Mvai.Bot.Desk.Requests;

namespace Mvai.Bot.Desk.Reporting;

/// <summary>A count under one key ("2026-05", "Shooting", "IL", "Today").</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>How long requests took to reach a point (first contact, match): how many did, the median and the mean, in hours.</summary>
public sealed record ServiceLevel(int Reached, double? MedianHours, double? AverageHours);

/// <summary>
/// The program's figures for BJA reporting: counts by month, incident type, state, urgency and status, and the time
/// from submission to first contact and to a match. Nothing about the people: no names, contacts, agencies or details.
/// </summary>
public sealed record ProgramReport(
    int Total,
    IReadOnlyList<KeyCount> ByMonth,
    IReadOnlyList<KeyCount> ByIncidentType,
    IReadOnlyList<KeyCount> ByState,
    IReadOnlyList<KeyCount> ByUrgency,
    IReadOnlyList<KeyCount> ByStatus,
    ServiceLevel ToFirstContact,
    ServiceLevel ToMatch)
{
    public const string NotGiven = "Not given";

    public static ProgramReport From(IReadOnlyCollection<DeskRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new ProgramReport(
            requests.Count,
            Count(requests, Month, byKey: true),
            Count(requests, r => r.Stored.Request.IncidentType?.ToString() ?? NotGiven),
            Count(requests, r => r.Stored.Request.State ?? NotGiven),
            Count(requests, r => r.Stored.Request.Urgency?.ToString() ?? NotGiven),
            Count(requests, r => r.Status.ToString()),
            Level(requests.Select(r => HoursTo(r, r.Progress.FirstContactAt))),
            Level(requests.Select(r => HoursTo(r, r.Progress.MatchedAt))));
    }

    public static string Month(DeskRequest request) => request.Stored.SubmittedAt.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static double? HoursTo(DeskRequest request, DateTimeOffset? reached) =>
        reached is { } at ? Math.Round((at - request.Stored.SubmittedAt).TotalHours, 2) : null;

    private static List<KeyCount> Count(IEnumerable<DeskRequest> requests, Func<DeskRequest, string> key, bool byKey = false)
    {
        var counts = requests.GroupBy(key).Select(g => new KeyCount(g.Key, g.Count()));
        return [.. byKey ? counts.OrderBy(c => c.Key, StringComparer.Ordinal) : counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    private static ServiceLevel Level(IEnumerable<double?> hours)
    {
        var reached = hours.OfType<double>().Order().ToList();
        if (reached.Count == 0)
        {
            return new ServiceLevel(0, null, null);
        }
        var middle = reached.Count / 2;
        var median = reached.Count % 2 == 1 ? reached[middle] : (reached[middle - 1] + reached[middle]) / 2;
        return new ServiceLevel(reached.Count, Math.Round(median, 2), Math.Round(reached.Average(), 2));
    }
}
