namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Alert channels and outbox timing, bound from <c>Handoff:Alerts</c>. A channel with no host or URL is off.</summary>
public sealed class AdvisorAlertsOptions
{
    public const string SectionName = "Handoff:Alerts";

    /// <summary>Addresses e-mailed with every alert, besides the on-call advisor.</summary>
    public List<string> AlwaysCopy { get; set; } = [];

    /// <summary>HTTPS endpoint (a Teams Workflows "post to a channel when a webhook request is received" URL, or any receiver of the same body); empty = off.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    public SmtpAlertOptions Smtp { get; set; } = new();

    /// <summary>False leaves deliveries pending in the database (for an instance that should only enqueue).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due deliveries; an enqueue in this process wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failed attempt; doubles per attempt up to <see cref="RetryMaxDelay"/>, and never gives up.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Quick retries inside one attempt, for a blip (a dropped connection) before the persistent backoff.</summary>
    public int InProcessRetries { get; set; } = 2;

    public TimeSpan InProcessRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit for one send (connect, authenticate, transfer).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed delivery is reserved for one instance; must outlast an attempt with its quick retries.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(3);

    public int BatchSize { get; set; } = 10;
}

/// <summary>The SMTP server alerts are submitted to (MailKit).</summary>
public sealed class SmtpAlertOptions
{
    /// <summary>Empty = e-mail alerts off.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty = no authentication.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>Keep it in user secrets or the environment, never in a committed file.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Sender address, e.g. <c>MVAI Assistant &lt;alerts@example.org&gt;</c>.</summary>
    public string From { get; set; } = string.Empty;
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
