using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Fails start-up on an unusable <c>Handoff:Alerts</c> setting; messages name the key, never an address.</summary>
internal sealed class AdvisorAlertsOptionsValidator : IValidateOptions<AdvisorAlertsOptions>
{
    private const string Section = AdvisorAlertsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AdvisorAlertsOptions options)
    {
        var errors = new List<string>();
        var smtp = options.Smtp;
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (!MailAddress.TryCreate(smtp.From, out _))
            {
                errors.Add($"{Section}:Smtp:From must be the sender's e-mail address when {Section}:Smtp:Host is set.");
            }
            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add($"{Section}:Smtp:Port must be between 1 and 65535.");
            }
        }
        for (var i = 0; i < options.AlwaysCopy.Count; i++)
        {
            if (!MailAddress.TryCreate(options.AlwaysCopy[i], out _))
            {
                errors.Add($"{Section}:AlwaysCopy:{i} is not an e-mail address.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl) && !IsAcceptableWebhook(options.WebhookUrl))
        {
            errors.Add($"{Section}:WebhookUrl must be an absolute https:// URL (http:// only on a loopback address).");
        }
        foreach (var (key, value) in new[]
        {
            ("PollInterval", options.PollInterval), ("RetryBaseDelay", options.RetryBaseDelay), ("RetryMaxDelay", options.RetryMaxDelay),
            ("InProcessRetryDelay", options.InProcessRetryDelay), ("SendTimeout", options.SendTimeout), ("LeaseDuration", options.LeaseDuration),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{Section}:{key} must be positive.");
            }
        }
        if (options.InProcessRetries < 1 || options.BatchSize < 1)
        {
            errors.Add($"{Section}:InProcessRetries and {Section}:BatchSize must be at least 1.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Alert details hold personal data: they may only travel in clear text to this machine itself.
    private static bool IsAcceptableWebhook(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));
}
