using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mvai.Bot.Tests.Authentication.Fakes;

/// <summary>Entra's v2.0 token endpoint on loopback: answers client-credential requests with the real OAuth JSON.</summary>
public sealed class FakeEntraTokenEndpoint : IAsyncDisposable
{
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private LoopbackServer? _server;

    public Uri BaseAddress => _server!.BaseAddress;

    public string AccessToken { get; } = "connector-token-" + Guid.NewGuid().ToString("N");

    public IReadOnlyCollection<TokenRequest> Requests => _requests;

    public static async Task<FakeEntraTokenEndpoint> StartAsync()
    {
        var endpoint = new FakeEntraTokenEndpoint();
        endpoint._server = await LoopbackServer.StartAsync(app =>
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                endpoint._requests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
                var body = new JsonObject
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3599,
                    ["ext_expires_in"] = 3599,
                    ["access_token"] = endpoint.AccessToken,
                };
                return Results.Text(body.ToJsonString(), "application/json");
            }));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One request the fake token endpoint received: the tenant in its path and its form fields.</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);
