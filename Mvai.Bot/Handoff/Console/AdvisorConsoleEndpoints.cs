using Microsoft.Extensions.Options;
using Mvai.Bot.Answering.Gaps;
using Mvai.Bot.Privacy;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Maps the console API under <c>/api/advisor</c>; the page itself is <c>wwwroot/advisor</c>. Everything but
/// signing in needs an advisor, and without any way to sign in the console refuses everyone.
/// </summary>
public static class AdvisorConsoleEndpoints
{
    public const string ApiPrefix = "/api/advisor";

    public static IEndpointRouteBuilder MapAdvisorConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AdvisorConsoleOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdvisorConsoleEndpoints));
        if (options.IsEnabled)
        {
            AdvisorConsoleLog.Enabled(logger, options.Accounts.Count, options.Entra.IsConfigured ? "on" : "off");
        }
        else
        {
            AdvisorConsoleLog.Disabled(logger);
        }

        var api = endpoints.MapGroup(ApiPrefix).AddEndpointFilter(async (context, next) =>
        {
            // Answers carry case details: never cached, never sniffed.
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });
        api.MapAdvisorSession();
        var advisorsOnly = api.MapGroup(string.Empty).RequireAuthorization(AdvisorAuthentication.Policy);
        advisorsOnly.MapAdvisorQueue();
        advisorsOnly.MapAdvisorActions();
        advisorsOnly.MapRequestData();
        advisorsOnly.MapContentGaps();
        return endpoints;
    }
}
