using Mvai.Bot.Desk.Reporting;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Desk.Roster;

namespace Mvai.Bot.Desk;

/// <summary>Maps the desk's console API into the advisor console's signed-in group.</summary>
public static class RequestDeskEndpointsExtensions
{
    public static IEndpointRouteBuilder MapRequestDeskApi(this IEndpointRouteBuilder endpoints)
    {
        var advisorsOnly = endpoints.MapAdvisorApi();
        advisorsOnly.MapRequestDesk();
        advisorsOnly.MapProgramReport();
        advisorsOnly.MapRoster();
        return endpoints;
    }
}
