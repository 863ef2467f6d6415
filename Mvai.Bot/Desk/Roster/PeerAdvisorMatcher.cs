using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Roster;

/// <summary>A suggested peer advisor for a request, with why, best first.</summary>
public sealed record PeerMatch(PeerAdvisor Advisor, int Score, string Reason);

/// <summary>
/// Suggests peer advisors for a request. Having led through the same kind of event counts most (3 for the setting or
/// the weapon), then each kind of help asked for that they advise on (2), then being near (same state 2, same
/// region 1). Unavailable advisors come last whatever their score; the team decides, this only sorts.
/// </summary>
public static class PeerAdvisorMatcher
{
    public static IReadOnlyList<PeerMatch> Suggest(AssistanceRequest request, IEnumerable<PeerAdvisor> roster, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roster);
        var incidents = MatchVocabulary.IncidentsOf(request);
        var topics = MatchVocabulary.TopicsOf(request);
        return [.. roster
            .Select(advisor => Score(advisor, request, incidents, topics))
            .OrderByDescending(m => m.Advisor.Available)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Advisor.Name, StringComparer.Ordinal)
            .Take(max)];
    }

    private static PeerMatch Score(PeerAdvisor advisor, AssistanceRequest request, IReadOnlySet<string> incidents, IReadOnlySet<string> topics)
    {
        var reasons = new List<string>();
        var score = 0;
        var led = advisor.Incidents.Where(incidents.Contains).ToList();
        if (led.Count > 0)
        {
            score += 3 * led.Count;
            reasons.Add("led through " + LedPhrase(led));
        }
        var shared = advisor.Topics.Where(topics.Contains).Select(t => t.ToLowerInvariant()).ToList();
        if (shared.Count > 0)
        {
            score += 2 * shared.Count;
            reasons.Add(string.Join(", ", shared));
        }
        if (!string.IsNullOrEmpty(request.State) && string.Equals(advisor.State, request.State, StringComparison.OrdinalIgnoreCase))
        {
            score += 2;
            reasons.Add("same state");
        }
        else if (UsRegions.Of(advisor.State) is { } region && region == UsRegions.Of(request.State))
        {
            score += 1;
            reasons.Add("same region");
        }
        if (!advisor.Available)
        {
            reasons.Add("not available now");
        }
        return new PeerMatch(advisor, score, reasons.Count == 0 ? "no particular match" : string.Join("; ", reasons));
    }

    /// <summary>"a school shooting" from school + shooting; "a workplace, an arson" when they do not read as one event.</summary>
    private static string LedPhrase(List<string> led)
    {
        var setting = led.FirstOrDefault(t => t is "school" or "workplace" or "house-of-worship" or "mass-gathering");
        var weapon = led.FirstOrDefault(t => t is "shooting" or "bombing" or "stabbing" or "arson" or "vehicle-ramming");
        if (setting is not null && weapon is not null && led.Count == 2)
        {
            var place = MatchVocabulary.Incidents[setting];
            return $"{place} {weapon.Replace('-', ' ')}";
        }
        return string.Join(", ", led.Select(t => MatchVocabulary.Incidents[t]));
    }
}
