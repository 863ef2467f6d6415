using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Hours;

/// <summary>Fails start-up with every problem in <c>Handoff:Hours</c>, each named by its configuration key.</summary>
internal sealed class AdvisorHoursOptionsValidator : IValidateOptions<AdvisorHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, AdvisorHoursOptions options) =>
        AdvisorHoursPlan.TryParse(options, out _, out var errors) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
