namespace Mvai.Bot.Handoff.Hours;

/// <summary>
/// Weekly openings plus holidays, evaluated on the advisors' wall clock. A holiday closes its whole local date,
/// including the after-midnight part of an opening that began the evening before.
/// </summary>
internal sealed class OpeningHours(TimeZoneInfo zone, IReadOnlyList<OpeningSpan> spans, IReadOnlySet<DateOnly> holidays)
{
    // A year of holidays cannot hide every opening of a non-empty week; beyond this the configuration is absurd.
    private const int SearchDays = 800;

    public TimeZoneInfo Zone => zone;

    /// <summary>False for a team that works only on call (no weekly hours configured).</summary>
    public bool HasHours => spans.Count > 0;

    public bool IsOpen(DateTimeOffset at)
    {
        var local = ZoneClock.ToLocal(at, zone);
        if (IsHoliday(local))
        {
            return false;
        }
        // An opening that runs past midnight started yesterday.
        foreach (var day in new[] { local.Date.AddDays(-1), local.Date })
        {
            foreach (var span in SpansOn(day))
            {
                var start = day + span.Start;
                if (start <= local && local < start + span.Length)
                {
                    return true;
                }
            }
        }
        return false;
    }

    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
        {
            return at;
        }
        var today = ZoneClock.ToLocal(at, zone).Date;
        for (var offset = 0; offset < SearchDays; offset++)
        {
            var day = today.AddDays(offset);
            foreach (var span in SpansOn(day))
            {
                var opens = ZoneClock.ToInstant(day + span.Start, zone);
                if (opens > at)
                {
                    return opens;
                }
            }
        }
        throw new InvalidOperationException($"The advisor hours have no opening in the next {SearchDays} days; check {AdvisorHoursOptions.SectionName}.");
    }

    private IEnumerable<OpeningSpan> SpansOn(DateTime day) =>
        IsHoliday(day) ? [] : spans.Where(span => span.Day == day.DayOfWeek).OrderBy(span => span.Start);

    private bool IsHoliday(DateTime local) => holidays.Contains(DateOnly.FromDateTime(local));
}
