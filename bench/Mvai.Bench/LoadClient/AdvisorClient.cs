using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mvai.Bench.LoadClient;

/// <summary>
/// The advisor's side of a handoff, through the console API as a script would call it (HTTP Basic, the console's
/// <c>X-Requested-With</c> header on changes): find a conversation's waiting case, claim it, read and reply, close it.
/// The load process drives it with HttpClient: advisor calls are a few per conversation, not the bench's hot loop.
/// </summary>
internal sealed class AdvisorClient : IDisposable
{
    public const string AccountId = "bench-advisor";
    public const string DisplayName = "Bench Advisor";

    private readonly HttpClient _http;

    public AdvisorClient(Uri app, string secret)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = app,
            Timeout = RawHttpConnection.Timeout,
        };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountId}:{secret}")));
        _http.DefaultRequestHeaders.Add("X-Requested-With", "mvai-console");
    }

    /// <summary>Claims the waiting case of the user named <paramref name="userName"/>; null when the queue has none.</summary>
    public async Task<string?> ClaimAsync(string userName, CancellationToken cancellationToken)
    {
        using var queue = await ReadJsonAsync("api/advisor/queue", cancellationToken);
        var caseId = queue.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("userName").GetString() == userName && c.GetProperty("state").GetString() == "waiting")
            .Select(c => c.GetProperty("id").GetString())
            .FirstOrDefault();
        if (caseId is null)
        {
            return null;
        }
        using var claimed = await _http.PostAsync($"api/advisor/cases/{caseId}/claim", null, cancellationToken);
        Delivered(claimed);
        return caseId;
    }

    /// <summary>Reads the messages after <paramref name="after"/>, as the console does before a reply, then replies.</summary>
    /// <returns>The last sequence number read.</returns>
    public async Task<long> ReplyAsync(string caseId, long after, string text, CancellationToken cancellationToken)
    {
        using var messages = await ReadJsonAsync($"api/advisor/cases/{caseId}/messages?after={after}", cancellationToken);
        foreach (var message in messages.RootElement.EnumerateArray())
        {
            after = Math.Max(after, message.GetProperty("sequence").GetInt64());
        }
        using var sent = await _http.PostAsJsonAsync($"api/advisor/cases/{caseId}/messages", new { text }, cancellationToken);
        Delivered(sent);
        return after;
    }

    public async Task CloseAsync(string caseId, string note, CancellationToken cancellationToken)
    {
        using var closed = await _http.PostAsJsonAsync($"api/advisor/cases/{caseId}/close", new { note }, cancellationToken);
        Delivered(closed);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> ReadJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        Delivered(response);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    /// <summary>200, or the bench counts an error: 202 means stored but not passed on to the user's chat.</summary>
    private static void Delivered(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new AdvisorCallException($"advisor HTTP {(int)response.StatusCode}");
        }
    }
}

/// <summary>An advisor call that did not answer 200; the message is the error kind the bench counts.</summary>
internal sealed class AdvisorCallException(string kind) : Exception(kind);
