using System.Net;
using Microsoft.AspNetCore.Http;
// Builder and Hosting are named in full: the test project, which compiles this file too, has them as global usings.

namespace Mvai.Bench.LoadClient;

/// <summary>
/// The channel's side of proactive messages (an advisor's reply, "Alice has joined the chat"): the Bot Connector's
/// <c>POST v3/conversations/{id}/activities[/{replyToId}]</c> answered 200 with a resource id, as Azure Bot Service
/// does. Without it the app's deliveries fail, and the advisor API answers 202 "not delivered" after trying.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    private long _received;

    private ConnectorSink(Microsoft.AspNetCore.Builder.WebApplication app) => _app = app;

    /// <summary>The serviceUrl activities must carry for their replies to arrive here.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Configuration["Logging:LogLevel:Default"] = "None";
        Microsoft.AspNetCore.Hosting.WebHostBuilderKestrelExtensions.ConfigureKestrel(builder.WebHost, kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/v3/conversations/{conversation}/activities/{**replyTo}", async (HttpContext context) =>
        {
            // The body is read, as a channel would, but not kept.
            await context.Request.Body.CopyToAsync(Stream.Null);
            return Results.Json(new { id = $"sink-{Interlocked.Increment(ref sink._received)}" });
        });
        await app.StartAsync();
        sink.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
