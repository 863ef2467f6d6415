using Mvai.BotFramework.Diagnostics;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// Catches what no endpoint handled and logs it through <see cref="RedactedException"/>, instead of leaving it to
/// Kestrel, which logs the full exception message: a bug in code an endpoint runs (a proactive turn after an
/// advisor's action, say) may throw with what a user wrote in its message.
/// </summary>
public static class RedactedExceptionLogging
{
    public static IApplicationBuilder UseRedactedExceptionLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedactedExceptionLogging));
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
            {
                // The endpoint's name, not the path: paths are ours, but query strings are not.
                HostingLog.UnhandledRequestException(logger, RedactedException.From(exception), context.GetEndpoint()?.DisplayName ?? "no endpoint");
                if (context.Response.HasStarted)
                {
                    // Too late for a status code; rethrowing would have Kestrel log the message after all.
                    context.Abort();
                    return;
                }
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        });
    }
}
