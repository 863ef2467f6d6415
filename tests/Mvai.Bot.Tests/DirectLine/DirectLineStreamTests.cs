using System.Net.WebSockets;
using System.Text.Json;
using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

public abstract class DirectLineStreamTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    [Fact]
    public async Task Stream_DeliversTheEchoAndTheReply_AsActivitySets()
    {
        await using var host = await Storage.StartHostAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        var (_, started) = await client.SendAsync(HttpMethod.Post, "conversations", token);

        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), timeout.Token);
        await client.PostMessageAsync(conversationId, token, "hello over the socket", "client-ws");

        var received = new List<JsonElement>();
        string? watermark = null;
        while (received.Count < 2)
        {
            var frame = await DirectLineClient.ReceiveFrameAsync(socket, timeout.Token);
            if (frame.Length == 0)
            {
                continue; // keep-alive
            }
            var set = JsonDocument.Parse(frame).RootElement.Clone();
            watermark = set.GetProperty("watermark").GetString();
            received.AddRange(set.GetProperty("activities").EnumerateArray());
        }

        Assert.Equal("client-ws", received[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal($"{conversationId}|0000001", received[0].GetProperty("id").GetString());
        Assert.Equal(AssistantMessages.Fallback, received[1].GetProperty("text").GetString());
        Assert.Equal("2", watermark);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Stream_SendsKeepAlives_AndTypingThatIsNeverLogged()
    {
        await using var host = await Storage.StartHostAsync(new Dictionary<string, string?>
        {
            ["DirectLine:KeepAliveInterval"] = "00:00:00.200",
            ["DirectLine:StreamPollInterval"] = "00:00:00.100",
        });
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        var (_, started) = await client.SendAsync(HttpMethod.Post, "conversations", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), timeout.Token);

        Assert.Equal(string.Empty, await DirectLineClient.ReceiveFrameAsync(socket, timeout.Token));

        await client.PostActivityAsync(conversationId, token, """{"type":"typing","from":{"id":"user-test"}}""");
        string frame;
        do
        {
            frame = await DirectLineClient.ReceiveFrameAsync(socket, timeout.Token);
        }
        while (frame.Length == 0);
        var typing = Assert.Single(JsonDocument.Parse(frame).RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("typing", typing.GetProperty("type").GetString());
        var (_, logged) = await client.GetActivitiesAsync(conversationId, token);
        Assert.Empty(logged.GetProperty("activities").EnumerateArray());
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("1", 1)]
    public async Task Reconnect_WithARefreshedToken_StreamsTheConversationFromTheWatermark(string watermark, int expectedActivities)
    {
        // What the embed snippet does after a page reload: refresh the stored token, then GET the conversation.
        await using var host = await Storage.StartHostAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        await client.SendAsync(HttpMethod.Post, "conversations", token);
        await client.PostMessageAsync(conversationId, token, "hello", "client-before");
        var (refreshStatus, refreshed) = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, refreshStatus);
        var newToken = refreshed.GetProperty("token").GetString()!;

        var (status, resumed) = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark={watermark}", newToken);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri(resumed.GetProperty("streamUrl").GetString()!), timeout.Token);
        string frame;
        do
        {
            frame = await DirectLineClient.ReceiveFrameAsync(socket, timeout.Token);
        }
        while (frame.Length == 0);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var set = JsonDocument.Parse(frame).RootElement;
        var activities = set.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(expectedActivities, activities.Count);
        Assert.Equal("bot", activities[^1].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal($"{conversationId}|0000002", activities[^1].GetProperty("id").GetString());
        if (expectedActivities == 2)
        {
            Assert.Equal("hello", activities[0].GetProperty("text").GetString());
        }
        Assert.Equal("2", set.GetProperty("watermark").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Stream_RejectsAWrongToken()
    {
        await using var host = await Storage.StartHostAsync();
        var client = new DirectLineClient(host);
        var (conversationA, _) = await client.GenerateAsync();
        var (_, tokenB) = await client.GenerateAsync();

        using var socket = new ClientWebSocket();
        var url = new Uri($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{conversationA}/stream?t={tokenB}");
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
    }
}

public sealed class DirectLineStreamTestsOnSqlite : DirectLineStreamTests<SqliteTestStorage>;

public sealed class DirectLineStreamTestsOnPostgres : DirectLineStreamTests<PostgresTestStorage>;
