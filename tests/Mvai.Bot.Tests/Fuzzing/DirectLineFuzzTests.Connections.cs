using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CsCheck;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>The WebSocket stream and the page's token endpoint under fuzzing, and reading a conversation back.</summary>
public sealed partial class DirectLineFuzzTests
{
    private static async Task<FuzzTally> FuzzStreamAsync(BotTestHost host, List<(string Id, string Token)> pool, long cases)
    {
        var tally = new FuzzTally("GET /conversations/{id}/stream (WebSocket)");
        var token = Gen.Frequency(
            (3, Gen.OneOf([.. pool]).Select(c => c.Token)),
            (1, Gen.OneOf("", "x", "a.b.c", "%00", new string('t', 4000))));
        await Gen.Select(Gen.Frequency((4, Gen.OneOf([.. pool]).Select(c => c.Id)), (1, Gen.OneOf(OddIds))), token, Watermark)
            .SampleAsync(async (conversationId, t, watermark) =>
            {
                using var socket = new ClientWebSocket();
                socket.Options.CollectHttpResponseDetails = true;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var url = new Uri($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(t)}&watermark={watermark}");
                try
                {
                    await socket.ConnectAsync(url, timeout.Token);
                }
                catch (WebSocketException)
                {
                    tally.Count(socket.HttpStatusCode);
                    Assert.True(Refusals.Contains(socket.HttpStatusCode), $"{(int)socket.HttpStatusCode} for {url}");
                    return;
                }
                tally.Count(HttpStatusCode.SwitchingProtocols);
                Assert.True(pool.Any(c => c.Id == conversationId && c.Token == t), $"A stream opened for {url}");
                socket.Abort();
            }, iter: cases, threads: 4);
        return tally;
    }

    /// <summary><c>POST /api/directline/token</c> (the page's token endpoint) with odd origins and bodies: a token or 403.</summary>
    private static async Task<FuzzTally> FuzzPageTokenAsync(BotTestHost host, long cases)
    {
        var tally = new FuzzTally("POST /api/directline/token");
        var origin = Gen.Frequency(
            (2, Gen.OneOf("https://www.theiacp.example", "https://WWW.THEIACP.EXAMPLE:443", $"http://{host.BaseAddress.Authority}")),
            (2, Gen.OneOf("null", "https://evil.example", "https://www.theiacp.example.evil.example", "file://", "javascript:alert(1)", "http://", "https://www.theiacp.example/path", " ")),
            (1, Gen.Const(string.Empty)));
        await Gen.Select(origin, FuzzBodies.Body(TokenRequest), FuzzBodies.ContentType).SampleAsync(async (from, body, type) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/directline/token") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            if (from.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Origin", from);
            }
            using var response = await host.Client.SendAsync(request);
            tally.Count(response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{(int)response.StatusCode} for Origin '{from}'");
            // A blank Origin reaches the server as none at all: a client that is not a browser page.
            var allowed = string.IsNullOrWhiteSpace(from) || from.Contains("theiacp.example", StringComparison.OrdinalIgnoreCase) && !from.Contains("evil", StringComparison.Ordinal)
                || from == $"http://{host.BaseAddress.Authority}";
            Assert.True(allowed == (response.StatusCode == HttpStatusCode.OK), $"{(int)response.StatusCode} for Origin '{from}'");
        }, iter: cases, threads: 4);
        return tally;
    }

    /// <summary>Posts a message and checks the bot's last reply starts with <paramref name="expected"/>.</summary>
    private static async Task SayAsync(DirectLineClient client, (string Id, string Token) conversation, string text, string expected)
    {
        var (status, _) = await client.PostMessageAsync(conversation.Id, conversation.Token, text, $"client-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, status);
        // The log is read to its end page by page: the fuzzing left more activities in it than one page holds.
        var activities = new List<JsonElement>();
        var watermark = string.Empty;
        while (true)
        {
            var (pageStatus, page) = await client.GetActivitiesAsync(conversation.Id, conversation.Token, watermark);
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            var batch = page.GetProperty("activities").EnumerateArray().ToList();
            if (batch.Count == 0)
            {
                break;
            }
            activities.AddRange(batch);
            watermark = page.GetProperty("watermark").GetString()!;
        }
        Assert.Equal(activities.Count, activities.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        var recent = string.Join("\n", activities.TakeLast(8).Select(a => $"{a.GetProperty("type")} {a.GetProperty("from")} {(a.TryGetProperty("text", out var t) ? t.ToString() : "")}"));
        var lastBotText = activities
            .Where(a => a.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot" && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString())
            .LastOrDefault();
        Assert.True(lastBotText?.StartsWith(expected, StringComparison.Ordinal) == true, $"After \"{text}\" expected \"{expected}\" but the bot said \"{lastBotText}\"\nThe log ends:\n{recent}");
    }
}
