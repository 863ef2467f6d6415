using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

/// <summary>Calls the embedded Direct Line of a <see cref="BotTestHost"/> the way Web Chat does.</summary>
public sealed class DirectLineClient(BotTestHost host)
{
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "v3/directline/" + path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Generates a token (loopback, no secret configured, unless <paramref name="secret"/> is given).</summary>
    public async Task<(string ConversationId, string Token)> GenerateAsync(string? userId = "user-test", string? secret = null)
    {
        var body = userId is null ? null : $$$"""{"user":{"id":"{{{userId}}}","name":"Chief Test"}}""";
        var (status, json) = await SendAsync(HttpMethod.Post, "tokens/generate", secret, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostActivityAsync(string conversationId, string token, string json) =>
        SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, json);

    public Task<(HttpStatusCode Status, JsonElement Body)> PostMessageAsync(string conversationId, string token, string text, string clientActivityId = "client-1") =>
        PostActivityAsync(conversationId, token, $$$"""
            {"type":"message","text":"{{{text}}}","textFormat":"plain","channelId":"webchat","locale":"en-US",
             "from":{"id":"someone-else","name":"Chief Test","role":"user"},
             "channelData":{"clientActivityID":"{{{clientActivityId}}}","attachmentSizes":[]}}
            """);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetActivitiesAsync(string conversationId, string token, string watermark = "") =>
        SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}", token);

    /// <summary>One whole WebSocket message of a stream, as text (empty for a keep-alive).</summary>
    public static async Task<string> ReceiveFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
