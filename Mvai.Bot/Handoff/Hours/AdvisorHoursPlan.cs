using System.Globalization;
using System.Text.RegularExpressions;

namespace Mvai.Bot.Handoff.Hours;

/// <summary>
/// <see cref="AdvisorHoursOptions"/> parsed once: the validator reports every problem with its configuration key,
/// and <see cref="AdvisorSchedule"/> builds from the same parse, so both agree on what a value means.
/// </summary>
internal sealed partial record AdvisorHoursPlan(OpeningHours Hours, OnCallRoster Roster, string ZoneLabel)
{
    private const string Section = AdvisorHoursOptions.SectionName;

    public static AdvisorHoursPlan Parse(AdvisorHoursOptions options) => TryParse(options, out var plan, out var errors)
        ? plan
        : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));

    public static bool TryParse(AdvisorHoursOptions options, out AdvisorHoursPlan plan, out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        errors = [];
        var zone = ParseZone(options.TimeZone, errors);
        var spans = ParseWeek(options.Weekly, errors);
        var holidays = ParseHolidays(options.Holidays, errors);
        var shifts = ParseShifts(options.OnCall, zone, errors);
        var fallback = options.DefaultOnCall is { } contact && !string.IsNullOrWhiteSpace(contact.Email + contact.Name)
            ? ParseContact(contact, $"{Section}:DefaultOnCall", errors)
            : null;
        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:ClaimTimeout must be positive, e.g. 00:10:00.");
        }
        plan = new AdvisorHoursPlan(
            new OpeningHours(zone, spans, holidays),
            new OnCallRoster(shifts, fallback),
            string.IsNullOrWhiteSpace(options.TimeZoneLabel) ? ZoneClock.Label(zone) : options.TimeZoneLabel.Trim());
        return errors.Count == 0;
    }

    private static TimeZoneInfo ParseZone(string id, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return zone;
        }
        errors.Add($"{Section}:TimeZone '{id}' is not a known IANA time zone id (for example America/New_York).");
        return TimeZoneInfo.Utc;
    }

    private static List<OpeningSpan> ParseWeek(Dictionary<string, string> weekly, List<string> errors)
    {
        var spans = new List<OpeningSpan>();
        foreach (var (name, value) in weekly)
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || !name.All(char.IsLetter))
            {
                errors.Add($"{Section}:Weekly:{name} is not a day; use Monday … Sunday.");
                continue;
            }
            foreach (var text in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (ParseSpan(day, text) is { } span)
                {
                    spans.Add(span);
                }
                else
                {
                    errors.Add($"{Section}:Weekly:{name} '{text}' is not a span like 08:00-18:00 (hours 00-23, minutes 00-59, an end of 24:00 allowed, start and end different).");
                }
            }
        }
        // No hours at all is allowed: a team that works only on call, where every handoff takes the after-hours path.
        return spans;
    }

    private static OpeningSpan? ParseSpan(DayOfWeek day, string text)
    {
        var match = SpanPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var start = TimeOf(match.Groups[1].Value, match.Groups[2].Value, allowMidnightEnd: false);
        var end = TimeOf(match.Groups[3].Value, match.Groups[4].Value, allowMidnightEnd: true);
        if (start is null || end is null || start == end)
        {
            return null;
        }
        var length = end > start ? end.Value - start.Value : end.Value + TimeSpan.FromDays(1) - start.Value;
        return new OpeningSpan(day, start.Value, length);
    }

    private static TimeSpan? TimeOf(string hours, string minutes, bool allowMidnightEnd)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allowMidnightEnd)))
        {
            return null;
        }
        return new TimeSpan(h, m, 0);
    }

    private static HashSet<DateOnly> ParseHolidays(List<string> holidays, List<string> errors)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var text in holidays)
        {
            if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                errors.Add($"{Section}:Holidays '{text}' is not a date like 2026-12-25.");
            }
        }
        return dates;
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex SpanPattern();
}
