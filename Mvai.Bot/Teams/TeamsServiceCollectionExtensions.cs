namespace Mvai.Bot.Teams;

/// <summary>Registers the Microsoft Teams behaviours.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName)
            // Not checked as GUIDs: the Agents Playground's tenant id is not one.
            .Validate(o => o.AllowedTenants.All(tenant => !string.IsNullOrWhiteSpace(tenant)), "Teams:AllowedTenants must not hold an empty tenant id.")
            .ValidateOnStart();
        // Their place in the turn is written in MvaiAssistantPipeline.
        services.AddSingleton<TenantAllowListMiddleware>();
        services.AddSingleton<TeamsSuggestedActionsMiddleware>();
        services.AddSingleton<CardExecuteMiddleware>();
        return services;
    }
}
