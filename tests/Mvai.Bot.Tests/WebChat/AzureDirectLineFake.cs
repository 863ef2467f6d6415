using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mvai.Bot.Tests.WebChat;

/// <summary>
/// Azure Bot Service's <c>POST /v3/directline/tokens/generate</c> on loopback, in its wire format:
/// Bearer secret in, <c>{conversationId, token, expires_in}</c> out. Records what the bot sent.
/// </summary>
internal sealed class AzureDirectLineFake : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    public ConcurrentQueue<(string? Authorization, JsonNode? Body)> Requests { get; } = new();

    /// <summary>What the next answer is; defaults to a token. Set to 500, or delay, to test failures.</summary>
    public int Status { get; set; } = 200;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<AzureDirectLineFake> StartAsync()
    {
        var fake = new AzureDirectLineFake();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/v3/directline/tokens/generate", (Delegate)fake.GenerateAsync));
        return fake;
    }

    private async Task<IResult> GenerateAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body);
        Requests.Enqueue((http.Request.Headers.Authorization.ToString(), body));
        await Task.Delay(Delay, http.RequestAborted);
        if (Status != 200)
        {
            return Results.Json(new { error = new { code = "BadArgument", message = "Azure says no (internal detail)" } }, statusCode: Status);
        }
        return Results.Json(new { conversationId = "AzConv123-us", token = "azure.token.value", expires_in = 3600 });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
