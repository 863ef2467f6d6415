using Mvai.Bot.Intake.Validation;

namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// What makes a roster entry one the desk can suggest and name, for configured entries (at start-up) and for those
/// edited in the console (a 400 naming each problem). Lengths bound what a console edit may store.
/// </summary>
public static class PeerAdvisorCheck
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 200;
    public const int MaxListLength = 20;

    /// <summary>The problems with <paramref name="advisor"/>, each starting with <paramref name="key"/>; empty when none.</summary>
    public static List<string> Problems(PeerAdvisor advisor, string key)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(advisor.Id) || string.IsNullOrWhiteSpace(advisor.Name))
        {
            errors.Add($"{key}: Id and Name are required.");
        }
        if (string.IsNullOrWhiteSpace(advisor.Email) && string.IsNullOrWhiteSpace(advisor.Phone))
        {
            errors.Add($"{key}: an Email or a Phone is required (the agency is told how they will be contacted).");
        }
        errors.AddRange(advisor.Incidents.Where(t => !MatchVocabulary.Incidents.ContainsKey(t))
            .Select(t => $"{key}:Incidents: '{Clip(t)}' is not one of {string.Join(", ", MatchVocabulary.Incidents.Keys)}."));
        errors.AddRange(advisor.Topics.Where(t => !MatchVocabulary.Topics.ContainsKey(t))
            .Select(t => $"{key}:Topics: '{Clip(t)}' is not one of {string.Join(", ", MatchVocabulary.Topics.Keys)}."));
        if (!string.IsNullOrWhiteSpace(advisor.State) && UsStates.Normalize(advisor.State) is null)
        {
            errors.Add($"{key}:State: '{Clip(advisor.State)}' is not a U.S. state.");
        }
        return errors;
    }

    /// <summary>Problems of a console edit: those of <see cref="Problems"/> and sizes a person would type.</summary>
    public static List<string> EditProblems(PeerAdvisor advisor)
    {
        var errors = Problems(advisor, "advisor");
        if (advisor.Id.Length > MaxIdLength || !advisor.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"advisor:Id: use up to {MaxIdLength} letters, digits, '-', '_' or '.'.");
        }
        foreach (var (field, value) in new[] { ("Name", advisor.Name), ("Role", advisor.Role), ("Agency", advisor.Agency), ("Email", advisor.Email), ("Phone", advisor.Phone) })
        {
            if (value.Length > MaxTextLength)
            {
                errors.Add($"advisor:{field}: longer than {MaxTextLength} characters.");
            }
        }
        if (advisor.Incidents.Count > MaxListLength || advisor.Topics.Count > MaxListLength)
        {
            errors.Add($"advisor: at most {MaxListLength} incidents and topics each.");
        }
        return errors;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
