using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Mvai.Tests.Shared;

/// <summary>
/// A loopback server speaking the OpenAI chat-completions wire format, recording every request body, so the
/// real Semantic Kernel OpenAI connector can be driven offline: a reply, an HTTP error, a body that is not
/// the wire format at all, or a reply slower than the caller is willing to wait.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeOpenAIServer(LoopbackServer server, ConcurrentQueue<string> requests)
    {
        _server = server;
        Requests = requests;
    }

    public ConcurrentQueue<string> Requests { get; }

    /// <summary>The base address to configure, ending in <c>/v1</c>.</summary>
    public Uri Endpoint => new(_server.BaseAddress, "v1");

    /// <param name="reply">The assistant message content of a successful completion.</param>
    /// <param name="status">Any other status answers with an OpenAI error object.</param>
    /// <param name="delay">How long to wait before answering (cut short when the client gives up).</param>
    /// <param name="rawBody">Sent as-is instead of a completion: for replies that are not the wire format.</param>
    public static async Task<FakeOpenAIServer> StartAsync(string reply, int status = 200, TimeSpan delay = default, string? rawBody = null)
    {
        var requests = new ConcurrentQueue<string>();
        var server = await LoopbackServer.StartAsync(app => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(
            app, "/v1/chat/completions", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                requests.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                if (rawBody is not null)
                {
                    return Results.Text(rawBody, "application/json");
                }
                if (status != 200)
                {
                    return Results.Json(new { error = new { message = "server error", type = "server_error" } }, statusCode: status);
                }
                return Results.Json(new
                {
                    id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model = "test-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
                });
            }));
        return new FakeOpenAIServer(server, requests);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
