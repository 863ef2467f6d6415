using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Console;

/// <summary>Fails start-up on advisor accounts or Entra settings that could never sign anyone in.</summary>
internal sealed class AdvisorConsoleOptionsValidator : IValidateOptions<AdvisorConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, AdvisorConsoleOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var key = $"{AdvisorConsoleOptions.SectionName}:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.Id))
            {
                errors.Add($"{key}:Id is required.");
            }
            if (string.IsNullOrWhiteSpace(account.DisplayName))
            {
                errors.Add($"{key}:DisplayName is required (users see it when the advisor joins).");
            }
            if (!AdvisorSecretHash.IsWellFormed(account.SecretHash))
            {
                errors.Add($"{key}:SecretHash must be '{AdvisorSecretHash.Prefix}$<iterations>$<salt>$<hash>' with at least " +
                    $"{AdvisorSecretHash.MinimumIterations} iterations; create one with 'dotnet run --project Mvai.Bot -- hash-advisor-secret'.");
            }
        }
        var duplicates = options.Accounts.GroupBy(a => a.Id.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(id => $"{AdvisorConsoleOptions.SectionName}:Accounts has the id '{id}' more than once."));

        var entra = options.Entra;
        if (string.IsNullOrWhiteSpace(entra.TenantId) != string.IsNullOrWhiteSpace(entra.Audience))
        {
            errors.Add($"{AdvisorConsoleOptions.SectionName}:Entra needs both TenantId and Audience.");
        }
        if (options.MaxFailedSignIns < 1 || options.MaxReplyLength < 1 || options.SessionLifetime <= TimeSpan.Zero
            || options.SignInAttemptsPerMinute < 1 || options.AccountSignInAttemptsPerMinute < 1)
        {
            errors.Add($"{AdvisorConsoleOptions.SectionName}: MaxFailedSignIns, MaxReplyLength, SessionLifetime, SignInAttemptsPerMinute " +
                "and AccountSignInAttemptsPerMinute must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
