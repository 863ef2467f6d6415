using Mvai.Bot.Desk.Reporting;
using Mvai.Bot.Desk.Requests;

namespace Mvai.Bot.Desk;

/// <summary>Maps the desk's console API into the advisor console's signed-in group.</summary>
public static class RequestDeskEndpointsExtensions
{
    public static RouteGroupBuilder MapRequestDeskApi(this RouteGroupBuilder advisorsOnly)
    {
        advisorsOnly.MapRequestDesk();
        advisorsOnly.MapProgramReport();
        return advisorsOnly;
    }
}
