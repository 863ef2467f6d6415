using Microsoft.Extensions.Options;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Validation;

namespace Mvai.Bot.Desk;

/// <summary>Fails start-up on a roster entry the desk could not suggest or name, each problem with its key.</summary>
internal sealed class DeskOptionsValidator : IValidateOptions<DeskOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.PeerAdvisors.Count; i++)
        {
            var advisor = options.PeerAdvisors[i];
            var key = $"{DeskOptions.SectionName}:PeerAdvisors:{i}";
            if (string.IsNullOrWhiteSpace(advisor.Id) || string.IsNullOrWhiteSpace(advisor.Name))
            {
                errors.Add($"{key}: Id and Name are required.");
            }
            if (string.IsNullOrWhiteSpace(advisor.Email) && string.IsNullOrWhiteSpace(advisor.Phone))
            {
                errors.Add($"{key}: an Email or a Phone is required (the agency is told how they will be contacted).");
            }
            errors.AddRange(advisor.Incidents.Where(t => !MatchVocabulary.Incidents.ContainsKey(t))
                .Select(t => $"{key}:Incidents: '{t}' is not one of {string.Join(", ", MatchVocabulary.Incidents.Keys)}."));
            errors.AddRange(advisor.Topics.Where(t => !MatchVocabulary.Topics.ContainsKey(t))
                .Select(t => $"{key}:Topics: '{t}' is not one of {string.Join(", ", MatchVocabulary.Topics.Keys)}."));
            if (!string.IsNullOrWhiteSpace(advisor.State) && UsStates.Normalize(advisor.State) is null)
            {
                errors.Add($"{key}:State: '{advisor.State}' is not a U.S. state.");
            }
        }
        var duplicates = options.PeerAdvisors.GroupBy(a => a.Id.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(id => $"{DeskOptions.SectionName}:PeerAdvisors has the id '{id}' more than once."));
        if (options.MaxNoteLength < 1 || options.AlertSweepInterval <= TimeSpan.Zero)
        {
            errors.Add($"{DeskOptions.SectionName}: MaxNoteLength and AlertSweepInterval must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
