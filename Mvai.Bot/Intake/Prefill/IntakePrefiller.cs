using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>
/// What the first message already says, so the intake does not ask it again. The rules always run; when a chat
/// model is configured it fills the gaps the rules left (and names and titles, which the rules do not read).
/// Where both found a value the rules win: their values are exact matches of what was typed, the model's are not.
/// </summary>
internal sealed class IntakePrefiller(ILogger<IntakePrefiller> logger, ModelPrefillExtractor? model = null)
{
    public async Task<AssistanceRequest> ExtractAsync(string? message, DateTime userNow, CancellationToken cancellationToken)
    {
        var rules = RulePrefill.Extract(message, userNow);
        if (model is null || string.IsNullOrWhiteSpace(message))
        {
            return rules;
        }
        var today = DateOnly.FromDateTime(userNow);
        if (await model.ExtractAsync(message, today, cancellationToken) is not { } answer)
        {
            return rules;
        }
        var (read, rejected) = ModelPrefillValidation.Validate(answer, message, today);
        IntakePrefillLog.ModelPrefillRead(logger, ModelPrefillValidation.CountFilled(read), rejected);
        return Merge(rules, read);
    }

    private static AssistanceRequest Merge(AssistanceRequest rules, AssistanceRequest model)
    {
        rules.RequesterName ??= model.RequesterName;
        rules.RequesterTitle ??= model.RequesterTitle;
        if (rules.AgencyName is null)
        {
            rules.AgencyName = model.AgencyName;
            rules.AgencyType ??= model.AgencyType;
        }
        rules.IncidentType ??= model.IncidentType;
        rules.IncidentDate ??= model.IncidentDate;
        if (rules.City is null)
        {
            (rules.City, rules.State) = (model.City, model.State);
        }
        return rules;
    }
}
