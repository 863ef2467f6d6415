using System.Globalization;
using System.Net.Mail;

namespace Mvai.Bot.Handoff.Hours;

internal sealed partial record AdvisorHoursPlan
{
    private static List<OnCallShift> ParseShifts(List<OnCallShiftOptions> entries, TimeZoneInfo zone, List<string> errors)
    {
        var shifts = new List<OnCallShift>();
        for (var i = 0; i < entries.Count; i++)
        {
            var key = $"{Section}:OnCall:{i}";
            var entry = entries[i];
            var advisor = ParseContact(entry, key, errors);
            var starts = ParseInstant(entry.Starts, zone, $"{key}:Starts", errors);
            var ends = ParseInstant(entry.Ends, zone, $"{key}:Ends", errors);
            if (advisor is null || starts is null || ends is null)
            {
                continue;
            }
            if (ends <= starts)
            {
                errors.Add($"{key}: Ends must be after Starts.");
                continue;
            }
            var overlapping = shifts.FindIndex(other => other.Starts < ends && starts < other.Ends);
            if (overlapping >= 0)
            {
                // Two people on call at once would make "who gets the alert" a guess.
                errors.Add($"{key} overlaps {Section}:OnCall:{overlapping}; shifts must not overlap (an end equal to the next start is a clean handover).");
                continue;
            }
            shifts.Add(new OnCallShift(starts.Value, ends.Value, advisor));
        }
        return shifts;
    }

    private static OnCallAdvisor? ParseContact(OnCallContactOptions contact, string key, List<string> errors)
    {
        var problems = errors.Count;
        var email = (contact.Email ?? string.Empty).Trim();
        if (string.IsNullOrWhiteSpace(contact.Name))
        {
            errors.Add($"{key}:Name is required.");
        }
        if (!MailAddress.TryCreate(email, out _))
        {
            // The value itself is personal data; the key is enough to find it.
            errors.Add($"{key}:Email is not an e-mail address.");
        }
        return errors.Count == problems
            ? new OnCallAdvisor(contact.Name.Trim(), email, string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim())
            : null;
    }

    /// <summary>ISO 8601; with an offset (or Z) it is that instant, without one it is wall time in the advisors' zone.</summary>
    private static DateTimeOffset? ParseInstant(string text, TimeZoneInfo zone, string key, List<string> errors)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && text.Contains('T', StringComparison.Ordinal))
        {
            return parsed.Kind == DateTimeKind.Unspecified
                ? ZoneClock.ToInstant(parsed, zone)
                : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
        errors.Add($"{key} '{text}' is not a date and time like 2026-11-23T08:00 or 2026-11-23T08:00-05:00.");
        return null;
    }
}
