using Microsoft.Extensions.Options;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// Answers any request that failed because the database did with 503, <c>Retry-After</c> and one log line (no message
/// text), so channels and Web Chat retry instead of showing an error. Nothing else is needed to recover: every request
/// opens its own connections, so the first one after the database is back simply works.
/// </summary>
public sealed class StorageUnavailableMiddleware(RequestDelegate next, IOptions<BotHostingOptions> options, ILogger<StorageUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await next(http);
        }
        catch (Exception exception) when (StorageFailure.IsStorageDown(exception) && !http.Response.HasStarted)
        {
            var retryAfter = Math.Max(1, (int)Math.Ceiling(options.Value.StorageRetryAfter.TotalSeconds));
            HostingLog.StorageUnavailable(logger, http.Request.Method, http.Request.Path, StorageFailure.Describe(exception), retryAfter);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await http.Response.WriteAsJsonAsync(
                new ErrorResponse(new ErrorDetail("StorageUnavailable", $"The assistant cannot reach its storage right now. Please try again in {retryAfter} seconds.")),
                ProtocolJson.Default.ErrorResponse,
                cancellationToken: CancellationToken.None);
        }
    }
}
