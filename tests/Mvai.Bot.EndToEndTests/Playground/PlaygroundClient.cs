using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>
/// Drives the Agents Playground the way its web UI does, through its internal API (undocumented, read from the
/// 0.2.28 bundle; a version bump that changes it breaks here only), and reads what the bot sent from the UI's
/// WebSocket stream.
/// </summary>
internal sealed class PlaygroundClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClientWebSocket _stream = new();
    private readonly ConcurrentQueue<BotMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    private PlaygroundClient(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress };

    public string UserId { get; private set; } = null!;
    public string BotId { get; private set; } = null!;
    public string PersonalChatId { get; private set; } = null!;
    public string TeamChannelId { get; private set; } = null!;

    /// <summary>Every bot message seen so far, in order.</summary>
    public IReadOnlyList<BotMessage> Received => [.. _received];

    public static async Task<PlaygroundClient> ConnectAsync(Uri baseAddress)
    {
        var client = new PlaygroundClient(baseAddress);
        var config = (await client._http.GetFromJsonAsync<JsonNode>("_internal/v1/config"))!["config"]!;
        client.UserId = config["currentUser"]!["id"]!.GetValue<string>();
        client.BotId = config["bot"]!["id"]!.GetValue<string>();
        client.PersonalChatId = config["personalChat"]!["id"]!.GetValue<string>();
        client.TeamChannelId = config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();
        await client._stream.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        client._reading = client.ReadStreamAsync(client._stop.Token);
        return client;
    }

    /// <summary>What the UI does when the app is installed: installationUpdate (add), then conversationUpdate.</summary>
    public async Task InstallAsync(string conversationId) =>
        (await _http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject())).EnsureSuccessStatusCode();

    /// <summary>Types a message; in a channel, <paramref name="mentionBot"/> prefixes the bot's @mention. Returns the conversation the bot answers in.</summary>
    public async Task<string> SendAsync(string conversationId, string text, bool mentionBot = false)
    {
        var mention = $"<at>Test Bot</at>";
        var message = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = UserId },
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            message["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = BotId }, ["text"] = mention });
        }
        var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", message);
        var body = await Ok(response);
        return body["postConversationId"]?.GetValue<string>() ?? conversationId;
    }

    /// <summary>Types <paramref name="text"/> and waits for a reply that starts with <paramref name="expected"/>.</summary>
    public async Task<BotMessage> SayAsync(string conversationId, string text, string expected)
    {
        var before = Received.Count;
        await SendAsync(conversationId, text);
        return await WaitForAsync(before, m => m.Said.StartsWith(expected, StringComparison.Ordinal), $"\"{expected}\" after \"{text}\"");
    }

    /// <summary>Presses an Action.Submit button of the card in <paramref name="cardMessageId"/>: the card's inputs merged with the action's data.</summary>
    public async Task SubmitAsync(string conversationId, string cardMessageId, JsonObject value) =>
        await Ok(await _http.PostAsJsonAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = value,
        }));

    /// <summary>
    /// Clicks a thumb under the bot message <paramref name="messageId"/>, as the UI does: a <c>message/submitAction</c>
    /// invoke with the feedback action. Returns the Playground's answer (it fails unless the bot answered 200).
    /// </summary>
    public async Task<JsonNode> FeedbackAsync(string conversationId, string messageId, string reaction, string feedbackText) =>
        await Ok(await _http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "message/submitAction",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = UserId },
            ["userId"] = UserId,
            ["conversationId"] = conversationId,
            ["messageId"] = messageId,
            ["replyToId"] = messageId,
            ["value"] = new JsonObject
            {
                ["actionName"] = "feedback",
                ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = new JsonObject { ["feedbackText"] = feedbackText }.ToJsonString() },
            },
        }));

    /// <summary>Waits for the first bot message after <paramref name="after"/> messages that satisfies <paramref name="match"/>.</summary>
    public async Task<BotMessage> WaitForAsync(int after, Func<BotMessage, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Received.Skip(after).FirstOrDefault(match) is { } found)
            {
                return found;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                if (Received.Skip(after).FirstOrDefault(match) is { } late)
                {
                    return late;
                }
                var seen = string.Join("\n", Received.Skip(after).Select(m => "  - " + m.Said));
                throw new TimeoutException($"The bot did not send {what} through the Playground. It sent:\n{seen}");
            }
        }
    }

    private static async Task<JsonNode> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Playground answered {(int)response.StatusCode}: {text}");
        }
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private async Task ReadStreamAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (_stream.State == WebSocketState.Open)
            {
                var result = await _stream.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var json = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()));
                frame.SetLength(0);
                if (json?["action"]?.GetValue<string>() is "createMessage" && json["message"] is JsonObject message)
                {
                    _received.Enqueue(new BotMessage(json["actionConversationId"]?.GetValue<string>(), message));
                    _arrived.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stream.Dispose();
        _http.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }
}

/// <summary>A message the bot sent, as the Playground's UI received it.</summary>
internal sealed record BotMessage(string? ConversationId, JsonObject Message)
{
    public string Id => Message["messageId"]?.GetValue<string>() ?? string.Empty;

    public string? Text => Message["text"]?.GetValue<string>();

    public IEnumerable<JsonObject> Attachments => Message["attachments"]?.AsArray().OfType<JsonObject>() ?? [];

    public JsonObject? Card(string contentType) => Attachments.FirstOrDefault(a => a["contentType"]?.GetValue<string>() == contentType)?["content"] as JsonObject;

    /// <summary>What the user reads: the text, or a hero card's text where Teams got the choices on a card.</summary>
    public string Said => !string.IsNullOrEmpty(Text) ? Text
        : Card("application/vnd.microsoft.card.hero")?["text"]?.GetValue<string>() ?? string.Empty;
}
