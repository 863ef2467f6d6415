using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>Request and response plumbing shared by the Direct Line endpoints.</summary>
internal static class DirectLineHttp
{
    public const string BasePath = DirectLineRoutes.BasePath;

    public static async Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        var logger = http.RequestServices.GetRequiredService<ILogger<DirectLineChannel>>();
        DirectLineLog.RequestRejected(logger, http.Request.Path, status, code);
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(
            new ErrorResponse(new ErrorDetail(code, message)), ProtocolJson.Default.ErrorResponse, cancellationToken: http.RequestAborted);
    }

    public static Task RejectAsync(HttpContext http, DirectLineCaller caller) => caller.Code switch
    {
        "TokenExpired" => ErrorAsync(http, 403, "TokenExpired", "The token has expired."),
        "MissingAuthorization" or "MissingBearer" => ErrorAsync(http, 401, caller.Code, "Send 'Authorization: Bearer <secret or token>'."),
        _ => ErrorAsync(http, caller.Status, caller.Code ?? "Forbidden", "The secret or token is not valid for this request."),
    };

    /// <summary>Reads an optional JSON body; <c>Ok</c> is false after an error answer has been written.</summary>
    public static async Task<(bool Ok, T? Value)> ReadJsonAsync<T>(HttpContext http, JsonTypeInfo<T> type, int limit)
        where T : class
    {
        var body = await RequestBodyReader.ReadAsync(http.Request, limit, http.RequestAborted);
        if (body is null)
        {
            await ErrorAsync(http, 413, "BodyTooLarge", $"The body is larger than {limit} bytes.");
            return (false, null);
        }
        if (body.Length == 0)
        {
            return (true, null);
        }
        try
        {
            ProtocolJson.EnsureReadable(body);
            return (true, JsonSerializer.Deserialize(body, type));
        }
        catch (JsonException exception)
        {
            await ErrorAsync(http, 400, "BadArgument", $"The body is not valid JSON: {exception.Message}");
            return (false, null);
        }
    }

    public static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(watermark) ? url : $"{url}&watermark={Uri.EscapeDataString(watermark)}";
    }
}
