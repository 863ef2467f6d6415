using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication.Fakes;

/// <summary>A channel's Connector REST API on loopback; records every call with its raw (still escaped) path.</summary>
public sealed class FakeChannelConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private LoopbackServer? _server;

    /// <summary>The serviceUrl activities carry, ending with a slash.</summary>
    public string ServiceUrl => _server!.BaseAddress.ToString();

    public IReadOnlyCollection<ConnectorCall> Calls => _calls;

    public static async Task<FakeChannelConnector> StartAsync()
    {
        var connector = new FakeChannelConnector();
        connector._server = await LoopbackServer.StartAsync(app =>
            app.MapPost("/{**path}", (HttpContext context) =>
            {
                var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                connector._calls.Enqueue(new ConnectorCall(rawTarget, context.Request.Headers.Authorization.ToString()));
                return Results.Text("""{"id":"sent-1"}""", "application/json");
            }));
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A POST to the fake Connector: its raw request target and Authorization header.</summary>
public sealed record ConnectorCall(string RawTarget, string Authorization);
