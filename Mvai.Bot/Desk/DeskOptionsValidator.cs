using Microsoft.Extensions.Options;
using Mvai.Bot.Desk.Roster;

namespace Mvai.Bot.Desk;

/// <summary>Fails start-up on a roster entry the desk could not suggest or name, each problem with its key.</summary>
internal sealed class DeskOptionsValidator : IValidateOptions<DeskOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.PeerAdvisors.Count; i++)
        {
            errors.AddRange(PeerAdvisorCheck.Problems(options.PeerAdvisors[i], $"{DeskOptions.SectionName}:PeerAdvisors:{i}"));
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
