using System.Text.Json;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// <c>/api/messages</c> with the Bot Framework's HTTP conventions: 400 with a reason for a malformed
/// activity, 413 above the size limit, 405 for verbs other than POST, 401 for any authentication failure,
/// the invoke's own status and body for invokes, <c>{"activities":[...]}</c> for expectReplies, else 200.
/// </summary>
public static class BotMessagesEndpoint
{
    public const string Route = "/api/messages";


    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        endpoints.MapMethods(Route, ["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext http,
        CloudAdapter adapter,
        IBotAuthenticator authenticator,
        IOptions<BotHostingOptions> options,
        ILogger<CloudAdapter> logger)
    {
        var limit = options.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            await RejectAsync(http, logger, 413, "BodyTooLarge", $"The activity is larger than {limit} bytes.");
            return;
        }
        var body = await RequestBodyReader.ReadAsync(http.Request, limit, http.RequestAborted);
        if (body is null)
        {
            await RejectAsync(http, logger, 413, "BodyTooLarge", $"The activity is larger than {limit} bytes.");
            return;
        }

        Activity? activity;
        try
        {
            activity = ProtocolJson.ParseActivity(body);
        }
        catch (JsonException exception)
        {
            await RejectAsync(http, logger, 400, "BadSyntax", $"The body is not a valid activity: {exception.Message}");
            return;
        }
        if (activity is null)
        {
            await RejectAsync(http, logger, 400, "MissingActivity", "The body holds no activity.");
            return;
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            await RejectAsync(http, logger, 400, "MissingType", "The activity has no 'type'.");
            return;
        }

        if (ActivityEnvelope.Problem(activity) is { } problem)
        {
            await RejectAsync(http, logger, 400, problem.Code, problem.Message);
            return;
        }
        if (!string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase) && !IsHttpUrl(activity.ServiceUrl))
        {
            await RejectAsync(http, logger, 400, "MissingServiceUrl", "The activity needs an absolute http(s) 'serviceUrl' for the replies.");
            return;
        }
        if (ActivityEnvelope.ChannelProblem(activity) is { } channelProblem)
        {
            await RejectAsync(http, logger, 400, channelProblem.Code, channelProblem.Message);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity,
            TrustedProxies.LocalityAddress(http),
            http.RequestAborted);
        if (!auth.Succeeded)
        {
            // The reason is logged for the operator; the caller learns only that it is unauthorized.
            HostingLog.RequestRejected(logger, 401, auth.FailureReason ?? "unauthorized");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        activity.CallerId = auth.Identity!.FindFirst(BotClaims.CallerId)?.Value;
        var result = await adapter.ProcessActivityAsync(activity, auth.Identity!, channel: null, http.RequestAborted);
        await WriteResultAsync(http, result);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static async Task WriteResultAsync(HttpContext http, TurnResult result)
    {
        http.Response.StatusCode = result.Status;
        switch (result.Body)
        {
            case ExpectedReplies replies:
                await http.Response.WriteAsJsonAsync(replies, ProtocolJson.Default.ExpectedReplies, cancellationToken: http.RequestAborted);
                break;
            case System.Text.Json.Nodes.JsonNode node:
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(node.ToJsonString(), http.RequestAborted);
                break;
        }
    }

    private static async Task RejectAsync(HttpContext http, ILogger logger, int status, string code, string message)
    {
        HostingLog.RequestRejected(logger, status, code);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/vnd.microsoft.error+json";
        await http.Response.WriteAsJsonAsync(new ErrorResponse(new ErrorDetail(code, message)), ProtocolJson.Default.ErrorResponse, "application/vnd.microsoft.error+json", http.RequestAborted);
    }
}
