using Microsoft.Extensions.Options;

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

        MapConsoleApi(endpoints).MapAdvisorSession();
        var advisorsOnly = endpoints.MapAdvisorApi();
        advisorsOnly.MapAdvisorQueue();
        advisorsOnly.MapAdvisorActions();
        return endpoints;
    }

    /// <summary>
    /// A group under <see cref="ApiPrefix"/> that only signed-in advisors reach, with the console's headers, for any
    /// feature that serves the console (Privacy's data requests map theirs here themselves).
    /// </summary>
    public static RouteGroupBuilder MapAdvisorApi(this IEndpointRouteBuilder endpoints) =>
        MapConsoleApi(endpoints).RequireAuthorization(AdvisorAuthentication.Policy);

    private static RouteGroupBuilder MapConsoleApi(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(ApiPrefix).AddEndpointFilter(async (context, next) =>
        {
            // Answers carry case details: never cached, never sniffed.
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });
}
