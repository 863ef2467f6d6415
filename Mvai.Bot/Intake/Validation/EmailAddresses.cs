using System.Net.Mail;

namespace Mvai.Bot.Intake.Validation;

/// <summary>E-mail addresses as people type them: trimmed, lower-cased domain, must have a dotted domain.</summary>
public static class EmailAddresses
{
    public static string? Normalize(string? text)
    {
        var candidate = text?.Trim().Trim('<', '>', '.', ',');
        if (string.IsNullOrEmpty(candidate) || candidate.Contains(' ', StringComparison.Ordinal) || candidate.Length > 254)
        {
            return null;
        }
        if (!MailAddress.TryCreate(candidate, out var address) || address.Address != candidate)
        {
            return null;
        }
        var host = address.Host;
        var labels = host.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0) || labels[^1].Length < 2 || !labels[^1].All(char.IsLetter))
        {
            return null;
        }
        return $"{address.User}@{host.ToLowerInvariant()}";
    }
}
