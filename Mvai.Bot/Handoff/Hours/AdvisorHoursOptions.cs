namespace Mvai.Bot.Handoff.Hours;

/// <summary>
/// Advisor hours and on-call roster, bound from <c>Handoff:Hours</c>. Checked at start-up by
/// <see cref="AdvisorHoursOptionsValidator"/>, so a typo stops the app instead of silently closing the desk.
/// </summary>
public sealed class AdvisorHoursOptions
{
    public const string SectionName = "Handoff:Hours";

    /// <summary>IANA time zone of the advisors, e.g. <c>America/New_York</c>. Hours, holidays and roster times without an offset are in it.</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>How the zone is named to users ("Eastern"); empty = derived from the zone's standard name.</summary>
    public string TimeZoneLabel { get; set; } = string.Empty;

    /// <summary>Opening hours per day name ("Monday": "08:00-18:00"; several spans with commas; an end at or before the start runs past midnight). Missing days are closed.</summary>
    public Dictionary<string, string> Weekly { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local dates (yyyy-MM-dd) closed all day.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>How long a waiting handoff may wait during hours before it takes the after-hours path.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>On-call shifts, each with explicit start and end; the default contact covers any gap.</summary>
    public List<OnCallShiftOptions> OnCall { get; set; } = [];

    /// <summary>Who is alerted when no shift covers the moment; optional.</summary>
    public OnCallContactOptions? DefaultOnCall { get; set; }
}

/// <summary>A person who can be alerted.</summary>
public class OnCallContactOptions
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
}

/// <summary>One on-call shift: <c>Starts</c> inclusive, <c>Ends</c> exclusive, ISO 8601; without an offset, in the advisors' time zone.</summary>
public sealed class OnCallShiftOptions : OnCallContactOptions
{
    public string Starts { get; set; } = string.Empty;
    public string Ends { get; set; } = string.Empty;
}
