using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// An advisor using the console API over real HTTP: either signed in with a session cookie as the page is
/// (and sending the page's anti-forgery header), or sending HTTP Basic on every request as a script would.
/// </summary>
public sealed class AdvisorClient : IDisposable
{
    private readonly HttpClient _http;

    private AdvisorClient(Uri baseAddress, CookieContainer? cookies)
    {
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer? Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>A script with Basic credentials; like the page, it sends the console header, which changes need.</summary>
    public static AdvisorClient WithBasic(BotTestHost host, string id, string secret, bool consoleHeader = true)
    {
        var client = new AdvisorClient(host.BaseAddress, cookies: null);
        client._http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        if (consoleHeader)
        {
            client._http.DefaultRequestHeaders.Add("X-Requested-With", "mvai-console");
        }
        return client;
    }

    /// <summary>A browser-like client with a cookie jar; call <see cref="SignInAsync"/> before using the API.</summary>
    public static AdvisorClient WithSession(BotTestHost host, bool consoleHeader = true)
    {
        var client = new AdvisorClient(host.BaseAddress, new CookieContainer());
        if (consoleHeader)
        {
            client._http.DefaultRequestHeaders.Add("X-Requested-With", "mvai-console");
        }
        return client;
    }

    public Task<HttpResponseMessage> SignInAsync(string id, string secret) =>
        _http.PostAsJsonAsync("api/advisor/session", new { id, secret });

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        _http.PostAsync(path, body is null ? null : JsonContent.Create(body));

    /// <summary>The queue's cases (GET /api/advisor/queue), asserting it answered 200.</summary>
    public async Task<JsonArray> QueueAsync()
    {
        using var response = await _http.GetAsync("api/advisor/queue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cases"]!.AsArray();
    }

    public async Task<JsonNode> JsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public void Dispose() => _http.Dispose();
}
