using Mvai.Bot.Answering;

namespace Mvai.Bot.Teams;

/// <summary>Registers the Microsoft Teams behaviours.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName));
        // Their place in the turn is written in MvaiAssistantPipeline.
        services.AddSingleton<TenantAllowListMiddleware>();
        services.AddSingleton<TeamsSuggestedActionsMiddleware>();
        services.AddSingleton<CardExecuteMiddleware>();
        services.AddSingleton<GuidanceReplies>();
        return services;
    }
}
