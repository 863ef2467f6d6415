using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A channel's Connector service on loopback (what Teams or the Playground are to the bot): records every
/// request and answers the way the real service does, 201 <c>{"id":…}</c> or 202 with an empty body.
/// </summary>
public sealed class ChannelConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChannelConnectorServer(WebApplication app)
    {
        _app = app;
        ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
    }

    public string ServiceUrl { get; }

    /// <summary>When true, answers 202 with no body (Teams does this for card replies).</summary>
    public bool AnswerAcceptedWithoutBody { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<ChannelConnectorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ChannelConnectorServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            server!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                // The raw target shows what the bot put on the wire, before Kestrel decodes it.
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.ToString(),
                body));
            if (server.AnswerAcceptedWithoutBody)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsync($"{{\"id\":\"reply-{server.Requests.Count}\"}}");
        });
        await app.StartAsync();
        server = new ChannelConnectorServer(app);
        return server;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the stand-in channel received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body);
