using Mvai.Bot.Answering;
using Mvai.BotFramework.Builder;

namespace Mvai.Bot.Teams;

/// <summary>Registers the Microsoft Teams behaviours; call after <c>AddBotFramework</c> so they run inside state auto-save.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName));
        // Order matters: a refused tenant stops before anything else runs.
        services.AddSingleton<IBotMiddleware, TenantAllowListMiddleware>();
        services.AddSingleton<IBotMiddleware, TeamsSuggestedActionsMiddleware>();
        services.AddSingleton<IBotMiddleware, CardExecuteMiddleware>();
        services.AddSingleton<GuidanceReplies>();
        return services;
    }
}
