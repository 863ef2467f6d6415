// Also compiled into Mvai.Bot.Tests, whose global usings already cover some of these.
#pragma warning disable IDE0005
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0005

namespace Mvai.Knowledge.Tests;

/// <summary>A local Kestrel server speaking the OpenAI chat-completions wire format, recording every request body.</summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Starts the server; <paramref name="delay"/> makes every answer that slow, like a busy model.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(string reply, int status = 200, TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            server.Requests.Enqueue(await reader.ReadToEndAsync());
            if (delay is { } wait)
            {
                await Task.Delay(wait);
            }
            if (status != 200)
            {
                return Results.Json(new { error = new { message = "bad request", type = "invalid_request_error" } }, statusCode: status);
            }

            return Results.Json(new
            {
                id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model = "test-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = new Uri(address + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
