using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A channel's Connector service on loopback (what Teams or the Playground are to the bot): records every
/// request with its raw, still-escaped path and answers the way the real service does, 201 <c>{"id":…}</c>
/// or 202 with an empty body.
/// </summary>
public sealed class ChannelConnectorServer : IAsyncDisposable
{
    private LoopbackServer? _server;

    /// <summary>The serviceUrl activities carry, ending with a slash.</summary>
    public string ServiceUrl => _server!.BaseAddress.ToString();

    /// <summary>When true, answers 202 with no body (Teams does this for card replies).</summary>
    public bool AnswerAcceptedWithoutBody { get; set; }

    /// <summary>When true, answers 403 ContentStreamNotAllowed to stream updates, as Teams does where streaming is not allowed or was stopped.</summary>
    public bool RefuseStreaming { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<ChannelConnectorServer> StartAsync()
    {
        var connector = new ChannelConnectorServer();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.RecordAsync));
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (bounded).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return [.. Requests];
    }

    /// <summary>Waits for <paramref name="count"/> posted activities and returns what they said, in order.</summary>
    public async Task<IReadOnlyList<string>> WaitForTextsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Texts().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return Texts();
    }

    /// <summary>The text of every activity posted so far (empty for cards without text).</summary>
    public IReadOnlyList<string> Texts() =>
    [
        .. Requests.Where(r => r.Method == "POST")
            .Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)?["text"]?.GetValue<string>() ?? string.Empty),
    ];

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            // The raw target shows what the bot put on the wire, before Kestrel decodes it.
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body,
            DateTimeOffset.UtcNow));
        if (RefuseStreaming && body.Contains("\"streaminfo\"", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("""{"error":{"code":"ContentStreamNotAllowed","message":"Content stream is not allowed"}}""");
            return;
        }
        if (AnswerAcceptedWithoutBody)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsync($"{{\"id\":\"reply-{Requests.Count}\"}}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One request the stand-in channel received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset ReceivedAt = default);
