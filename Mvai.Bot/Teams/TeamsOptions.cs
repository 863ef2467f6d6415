namespace Mvai.Bot.Teams;

/// <summary>Microsoft Teams settings (section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Entra tenant ids whose users may talk to the bot in Teams (agencies' tenants). Empty = every tenant.
    /// Other tenants get a polite refusal and nothing else happens: no dialog, no state.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];
}
