using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Mvai.Tests.Shared;

/// <summary>
/// A loopback server speaking the OpenAI chat-completions wire format, recording every request body, so the
/// real Semantic Kernel OpenAI connector can be driven offline: a reply, an HTTP error, a body that is not
/// the wire format at all, or a reply slower than the caller is willing to wait. It also answers
/// <c>/v1/embeddings</c> with a cheap deterministic vector per text (hashed words), for the hosted embedding path.
/// </summary>
public sealed partial class FakeOpenAIServer : IAsyncDisposable
{
    /// <summary>The dimension of the fake embeddings.</summary>
    public const int EmbeddingDimensions = 256;

    private readonly LoopbackServer _server;

    private FakeOpenAIServer(LoopbackServer server, ConcurrentQueue<string> requests, ConcurrentQueue<string> embeddingRequests)
    {
        _server = server;
        Requests = requests;
        EmbeddingRequests = embeddingRequests;
    }

    /// <summary>Bodies of chat-completion requests.</summary>
    public ConcurrentQueue<string> Requests { get; }

    /// <summary>Bodies of embedding requests.</summary>
    public ConcurrentQueue<string> EmbeddingRequests { get; }

    /// <summary>The base address to configure, ending in <c>/v1</c>.</summary>
    public Uri Endpoint => new(_server.BaseAddress, "v1");

    /// <param name="reply">The assistant message content of a successful completion.</param>
    /// <param name="status">Any other status answers with an OpenAI error object.</param>
    /// <param name="delay">How long to wait before answering (cut short when the client gives up).</param>
    /// <param name="rawBody">Sent as-is instead of a completion: for replies that are not the wire format.</param>
    /// <param name="chunkDelay">For a request with <c>"stream": true</c>: the pause between the reply's server-sent chunks.</param>
    public static async Task<FakeOpenAIServer> StartAsync(
        string reply, int status = 200, TimeSpan delay = default, string? rawBody = null, TimeSpan chunkDelay = default)
    {
        var requests = new ConcurrentQueue<string>();
        var embeddingRequests = new ConcurrentQueue<string>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/v1/embeddings", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                embeddingRequests.Enqueue(body);
                return Embeddings(body);
            });
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/v1/chat/completions", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                requests.Enqueue(body);
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
                if (IsStreamRequest(body))
                {
                    await StreamAsync(context, reply, chunkDelay);
                    return Results.Empty;
                }
                return Results.Json(new
                {
                    id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model = "test-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
                });
            });
        });
        return new FakeOpenAIServer(server, requests, embeddingRequests);
    }

    private static bool IsStreamRequest(string body)
    {
        using var request = JsonDocument.Parse(body);
        return request.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;
    }

    /// <summary>
    /// The streaming wire format: <c>text/event-stream</c>, one <c>chat.completion.chunk</c> per few words (the first with
    /// the role), a last chunk with <c>finish_reason</c>, then <c>data: [DONE]</c>.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, string reply, TimeSpan chunkDelay)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var words = reply.Split(' ');
        var pieces = words.Chunk(3).Select((chunk, i) => (i == 0 ? string.Empty : " ") + string.Join(' ', chunk)).ToList();
        for (var i = 0; i <= pieces.Count; i++)
        {
            object delta = i == 0 ? new { role = "assistant", content = pieces[0] } : i < pieces.Count ? new { content = pieces[i] } : new { };
            var chunk = new
            {
                id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model = "test-model",
                choices = new[] { new { index = 0, delta, finish_reason = i < pieces.Count ? null : "stop" } },
            };
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (chunkDelay > TimeSpan.Zero && i < pieces.Count)
            {
                await Task.Delay(chunkDelay, context.RequestAborted);
            }
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    /// <summary>
    /// A unit vector per text: each word adds one to a hashed coordinate (FNV-1a), so texts sharing words are similar and
    /// the same text always gets the same vector.
    /// </summary>
    public static float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[EmbeddingDimensions];
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var hash = 2166136261u;
            foreach (var c in word.Value)
            {
                hash = (hash ^ c) * 16777619u;
            }
            vector[hash % EmbeddingDimensions] += 1;
        }
        vector[0] += 0.01f; // never the zero vector
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    /// <summary>An embeddings response; honours <c>encoding_format</c> (the OpenAI .NET client asks for base64).</summary>
    private static IResult Embeddings(string body)
    {
        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var input = root.GetProperty("input");
        string[] texts = input.ValueKind == JsonValueKind.Array ? [.. input.EnumerateArray().Select(e => e.GetString() ?? string.Empty)] : [input.GetString() ?? string.Empty];
        var base64 = root.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        return Results.Json(new
        {
            @object = "list",
            model = root.GetProperty("model").GetString(),
            data = texts.Select((text, i) =>
            {
                var vector = Embed(text);
                return new { @object = "embedding", index = i, embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : (object)vector };
            }).ToArray(),
            usage = new { prompt_tokens = texts.Length, total_tokens = texts.Length },
        });
    }

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
