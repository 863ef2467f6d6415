namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Who may use the advisor console (<c>Advisors</c> section): self-hosted accounts with hashed secrets,
/// Microsoft Entra ID, or both. With neither, the console refuses everyone.
/// </summary>
public sealed class AdvisorConsoleOptions
{
    public const string SectionName = "Advisors";

    public List<AdvisorAccount> Accounts { get; set; } = [];

    public AdvisorEntraOptions Entra { get; set; } = new();

    /// <summary>How long a console session lasts without activity; each use extends it. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where the keys that seal session cookies are kept; empty: the ASP.NET Core default (the user profile).</summary>
    public string SessionKeysDirectory { get; set; } = string.Empty;

    /// <summary>Sign-in attempts (session or Basic) one client address may make per minute; more get 429. Default 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts for one account id, from all addresses together, per minute; more get 429. Default 20.</summary>
    public int AccountSignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins for one account from one client address before the account is paused for that address. Default 5.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long an account stays paused after too many failed sign-ins. Default 5 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Added to every failed sign-in, to slow down guessing. Default half a second.</summary>
    public TimeSpan FailedSignInDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest advisor reply, in characters. Default 4000.</summary>
    public int MaxReplyLength { get; set; } = 4000;

    public bool HasAccounts => Accounts.Count > 0;

    public bool IsEnabled => HasAccounts || Entra.IsConfigured;
}

/// <summary>One self-hosted advisor account; the secret is stored only as a PBKDF2 hash.</summary>
public sealed class AdvisorAccount
{
    public string Id { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c>, made with <c>dotnet run --project Mvai.Bot -- hash-advisor-secret</c>.</summary>
    public string SecretHash { get; set; } = string.Empty;
}

/// <summary>Advisors signing in with their organisation's Microsoft Entra ID (bearer tokens for our API).</summary>
public sealed class AdvisorEntraOptions
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The API's app id URI or client id: the <c>aud</c> the tokens must carry.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>Defaults to the tenant's v2.0 OpenID configuration; tests point it at a local server.</summary>
    public string MetadataUrl { get; set; } = string.Empty;

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>When set, the token's <c>roles</c> must include it (an app role assigned to advisors).</summary>
    public string RequiredRole { get; set; } = string.Empty;

    /// <summary>When set, the token's <c>groups</c> must include this group object id.</summary>
    public string RequiredGroup { get; set; } = string.Empty;

    /// <summary>Allowed difference between our clock and Entra's. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(Audience);

    public string EffectiveMetadataUrl => string.IsNullOrWhiteSpace(MetadataUrl)
        ? $"https://login.microsoftonline.com/{TenantId.Trim()}/v2.0/.well-known/openid-configuration"
        : MetadataUrl;
}
