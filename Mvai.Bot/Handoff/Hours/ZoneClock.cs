namespace Mvai.Bot.Handoff.Hours;

/// <summary>Turns the advisors' wall-clock times into instants, honestly across daylight-saving changes.</summary>
internal static class ZoneClock
{
    public static DateTime ToLocal(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    /// <summary>
    /// A wall time skipped by a spring-forward gap maps to the end of the gap (the first moment that exists);
    /// a wall time repeated by a fall-back maps to its first occurrence, so an opening is never reported late.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var probe = wall;
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }
        if (zone.IsAmbiguousTime(probe))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(probe).Max();
            return new DateTimeOffset(probe, earliest);
        }
        return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
    }

    /// <summary>"Eastern" from "Eastern Standard Time"; the IANA id when the system has no readable name.</summary>
    public static string Label(TimeZoneInfo zone)
    {
        const string Suffix = " Standard Time";
        var name = zone.StandardName;
        if (name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return name[..^Suffix.Length];
        }
        return name.Any(char.IsLetter) && !name.StartsWith("GMT", StringComparison.Ordinal) ? name : zone.Id;
    }
}
