using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.Bot.Desk.QuickStart;
using Mvai.Bot.Desk.Requester;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk;

/// <summary>
/// Registers the MVAI request desk: an alert to the team for every stored request, the requests view, the peer
/// advisor roster and matching, the agency's own status, withdrawal and additions, and program reporting.
/// Needs <c>AddIntake</c>, <c>AddHandoff</c>, <c>AddAdvisorAlerts</c> and <c>AddAdvisorConsole</c>.
/// </summary>
public static class DeskServiceCollectionExtensions
{
    public static IServiceCollection AddRequestDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeskOptions>, DeskOptionsValidator>());
        // The desk's columns go on the intake's table: registered after AddIntake's, its migrations run after them.
        services.AddSchema(RequestDeskSchema.Component);
        services.AddSchema(PeerAdvisorStore.Schema);
        services.TryAddSingleton<IRequestDeskStore>(sp => new RequestDeskStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<IPeerAdvisorStore>(sp => new PeerAdvisorStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<PeerAdvisorRoster>();
        services.TryAddSingleton<RosterChanges>();
        services.TryAddSingleton<RequestDesk>();
        services.TryAddSingleton<MatchNotice>();
        services.TryAddSingleton<RequesterReplies>();
        services.TryAddSingleton<RequestAlerts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestSubmittedObserver, RequestAlerts>(sp => sp.GetRequiredService<RequestAlerts>()));
        services.AddHostedService<RequestAlertSweeper>();
        if (DemoAdvisor.Applies(configuration))
        {
            DemoAdvisor.Add(services);
        }
        return services;
    }
}
