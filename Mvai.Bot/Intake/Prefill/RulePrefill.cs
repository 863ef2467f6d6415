using System.Text.RegularExpressions;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Intake.Validation;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>
/// Reads what the first message already says ("we had a shooting last night in Springfield, IL") with the
/// recognizers and a few rules, so the intake does not ask it again: incident type, date, city and state, agency.
/// Every value found here has passed the intake's own validators.
/// </summary>
public static partial class RulePrefill
{
    // One pattern per incident type, built once: built per call, the patterns outnumbered Regex's cache of 15 and were
    // parsed again on every message that asked for help.
    private static readonly KeyValuePair<IncidentType, Regex>[] IncidentPatterns =
    [
        .. IntakeLabels.IncidentSynonyms.Select(pair => KeyValuePair.Create(pair.Key, new Regex(
            string.Join('|', pair.Value.Select(word => $@"\b{Regex.Escape(word)}\b")), RegexOptions.CultureInvariant))),
    ];

    /// <summary>The first incident type whose words appear in <paramref name="lower"/> (lower-case text).</summary>
    public static IncidentType? FindIncidentType(string lower) => IncidentPatterns
        .Where(pair => pair.Value.IsMatch(lower))
        .Select(pair => (IncidentType?)pair.Key)
        .FirstOrDefault();

    public static AssistanceRequest Extract(string? text, DateTime userNow)
    {
        var request = new AssistanceRequest();
        if (string.IsNullOrWhiteSpace(text))
        {
            return request;
        }
        var lower = text.ToLowerInvariant();
        request.IncidentType = FindIncidentType(lower);
        // The date recognizer costs a third of a millisecond on a short message and milliseconds on a long one; a message
        // with no word a date could be made of ("We need MVAI help") cannot name the incident's day, so it is not asked.
        request.IncidentDate = DateCue().IsMatch(text) ? IncidentDates.Find(text, userNow) : null;
        (request.City, request.State) = FindPlace(text) is { } place ? place : (null, null);
        (request.Killed, request.Injured) = (CountBefore(KilledPattern(), lower), CountBefore(InjuredPattern(), lower));
        if (AgencyPattern().Match(text) is { Success: true } agency)
        {
            request.AgencyName = agency.Value.Trim();
            request.AgencyType = AgencyTypeOf(agency.Groups["kind"].Value);
        }
        return request;
    }

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>"4 dead", "two officers killed", "11 injured": the count in front of the word, when the message gives one.</summary>
    private static int? CountBefore(Regex pattern, string lower) =>
        pattern.Match(lower) is { Success: true } match
            ? int.TryParse(match.Groups["n"].Value, out var n) ? n : Array.IndexOf(NumberWords, match.Groups["n"].Value)
            : null;

    [GeneratedRegex(@"(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+){0,2}?(?:dead|killed|deceased|died|fatalities|fatal)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KilledPattern();

    [GeneratedRegex(@"(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+){0,2}?(?:injured|wounded|hurt|hospitalized)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InjuredPattern();

    /// <summary>"... in Springfield, IL last night" → the longest run of words after "in" that reads as a US place.</summary>
    private static (string, string)? FindPlace(string text)
    {
        foreach (Match match in InPattern().Matches(text))
        {
            var words = match.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var take = Math.Min(words.Length, 5); take >= 2; take--)
            {
                if (CityAndState.Parse(string.Join(' ', words[..take]).TrimEnd(',', '.', ';')) is { } place)
                {
                    return place;
                }
            }
        }
        return null;
    }

    private static AgencyType AgencyTypeOf(string kind) => kind.ToLowerInvariant() switch
    {
        var k when k.Contains("sheriff", StringComparison.Ordinal) => AgencyType.Sheriff,
        var k when k.Contains("university", StringComparison.Ordinal) || k.Contains("campus", StringComparison.Ordinal) || k.Contains("college", StringComparison.Ordinal) => AgencyType.Campus,
        var k when k.Contains("state police", StringComparison.Ordinal) || k.Contains("highway patrol", StringComparison.Ordinal) => AgencyType.State,
        var k when k.Contains("transit", StringComparison.Ordinal) => AgencyType.Transit,
        var k when k.Contains("tribal", StringComparison.Ordinal) => AgencyType.Tribal,
        _ => AgencyType.MunicipalPolice,
    };

    /// <summary>
    /// Digits, weekday and month names (and their abbreviations), relative days, parts of the day, "ago" and holidays:
    /// every definite date the recognizer resolves in English contains one of these.
    /// </summary>
    [GeneratedRegex(
        @"\d|\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|ago|day|days|week|weekend|month|year"
        + @"|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
        + @"|christmas|thanksgiving|halloween|easter|valentine|memorial|labor|independence|juneteenth|eve)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateCue();

    [GeneratedRegex(@"\bin\s+(?<rest>[A-Z][^\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex InPattern();

    [GeneratedRegex(@"(?:[A-Z][\w.'-]*\s+){1,5}(?<kind>Police Department|Police Dept\.?|Sheriff's Office|Sheriff's Department|Sheriffs Office|Sheriff Office|State Police|Highway Patrol|University Police|Campus Police|College Police|Transit Police|Tribal Police|PD)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();
}
