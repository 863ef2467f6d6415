using System.Globalization;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Hours;

/// <summary>
/// When advisors are at their desks and who is on call, from <c>Handoff:Hours</c>. Every answer is for an
/// instant the caller passes (usually <see cref="TimeProvider.GetUtcNow"/>), so tests can use fixed clocks.
/// </summary>
public sealed class AdvisorSchedule
{
    private readonly AdvisorHoursPlan _plan;

    public AdvisorSchedule(IOptions<AdvisorHoursOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _plan = AdvisorHoursPlan.Parse(options.Value);
        ClaimTimeout = options.Value.ClaimTimeout;
    }

    /// <summary>How long a handoff may wait for a claim during hours before taking the after-hours path.</summary>
    public TimeSpan ClaimTimeout { get; }

    /// <summary>The advisors' time zone.</summary>
    public TimeZoneInfo TimeZone => _plan.Hours.Zone;

    /// <summary>True when <paramref name="at"/> falls in the weekly hours and not on a holiday.</summary>
    public bool IsOpen(DateTimeOffset at) => _plan.Hours.IsOpen(at);

    /// <summary><paramref name="at"/> itself when open, else the first instant the desk opens (holidays, weekends and daylight-saving changes included).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at) => _plan.Hours.NextOpening(at);

    /// <summary>The shift's advisor at <paramref name="at"/>, else the default contact, else null.</summary>
    public OnCallAdvisor? OnCallAt(DateTimeOffset at) => _plan.Roster.OnCallAt(at);

    /// <summary>
    /// The next opening for users, in the advisors' zone and named as such: "now", "Monday at 8:00 AM Eastern",
    /// or with the date when it is a week or more away ("Monday, January 4 at 8:00 AM Eastern"). Null for a team
    /// that works only on call (no weekly hours): there are no office hours to promise.
    /// </summary>
    public string? DescribeNextOpening(DateTimeOffset at)
    {
        if (!_plan.Hours.HasHours)
        {
            return null;
        }
        var opens = NextOpening(at);
        if (opens == at)
        {
            return "now";
        }
        var local = ZoneClock.ToLocal(opens, TimeZone);
        var days = (local.Date - ZoneClock.ToLocal(at, TimeZone).Date).Days;
        var day = local.ToString(days >= 7 ? "dddd, MMMM d" : "dddd", CultureInfo.InvariantCulture);
        return $"{day} at {local.ToString("h:mm tt", CultureInfo.InvariantCulture)} {_plan.ZoneLabel}";
    }
}
