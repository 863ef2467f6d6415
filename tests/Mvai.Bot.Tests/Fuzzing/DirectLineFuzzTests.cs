using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CsCheck;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the embedded Direct Line 3.0 API (CsCheck): every endpoint gets generated bodies,
/// credentials, ids and watermarks; none answers with a server error or crashes a turn, and afterwards a new
/// conversation works and one left in the middle of an intake continues where it was, with a readable log.
/// </summary>
public sealed class DirectLineFuzzTests(ITestOutputHelper output)
{
    // No %00: Kestrel refuses a NUL in the path itself, with an empty 400, before the app sees the request.
    private static readonly string[] OddIds =
        ["%FF%FE", "..%2F..%2Fetc", "a%2Fb", "%E2%80%AE", "%F0%9F%91%AE", "%20", new('x', 3000), "conversation-that-never-was"];

    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    [Fact]
    public async Task FuzzedRequests_ToEveryEndpoint_NeverGetAServerError_AndConversationsCarryOnAfterwards()
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["DirectLine:ConversationsPerMinute"] = "100000",
                ["DirectLine:ActivitiesPerMinute"] = "100000",
                ["WebChat:TokensPerMinute"] = "100000",
                ["WebChat:AllowedOrigins:0"] = "https://www.theiacp.example",
            },
            configure: builder => builder.Logging.AddProvider(logs));
        var client = new DirectLineClient(host);
        var pool = new List<(string Id, string Token)>();
        for (var i = 0; i < 3; i++)
        {
            pool.Add(await client.GenerateAsync($"user-fuzz-{i}"));
        }
        (string Id, string Token) midIntake = await client.GenerateAsync("user-mid-intake");
        await SayAsync(client, midIntake, "We need MVAI help", IntakeMessages.AskName);
        await SayAsync(client, midIntake, "Pat Rivera", IntakeMessages.AskTitle);

        var credential = Credential(pool);
        // Starting conversations needs no credential from loopback, so mostly send none and let the body be read.
        var starter = Gen.Frequency((4, Gen.Const((string?)null)), (1, credential));
        var target = Gen.Frequency((8, Gen.OneOf([.. pool]).Select(c => (c.Id, (string?)c.Token))), (1, Gen.OneOf(OddIds).Select(id => (id, (string?)pool[0].Token))));
        var tallies = new List<FuzzTally>();

        tallies.Add(await FuzzAsync("POST /conversations", 300,
            FuzzBodies.Body(TokenRequest).Select(FuzzBodies.ContentType, starter, (body, type, auth) => new FuzzRequest(body, type, auth)),
            request => (HttpMethod.Post, "v3/directline/conversations", request),
            [HttpStatusCode.Created, HttpStatusCode.RequestEntityTooLarge, .. Refusals]));
        tallies.Add(await FuzzAsync("POST /tokens/generate", 300,
            FuzzBodies.Body(TokenRequest).Select(FuzzBodies.ContentType, starter, (body, type, auth) => new FuzzRequest(body, type, auth)),
            request => (HttpMethod.Post, "v3/directline/tokens/generate", request),
            [HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge, .. Refusals]));
        tallies.Add(await FuzzAsync("POST /tokens/refresh", 200,
            credential.Select(auth => new FuzzRequest([], null, auth)),
            request => (HttpMethod.Post, "v3/directline/tokens/refresh", request),
            [HttpStatusCode.OK, .. Refusals]));
        tallies.Add(await FuzzAsync("POST /conversations/{id}/activities", 2_500,
            Gen.Select(target, FuzzBodies.Body(FuzzBodies.Activity(["ignored"], "https://ignored.example/")), FuzzBodies.ContentType)
                .Select((t, body, type) => (t.Item1, new FuzzRequest(body, type, "Bearer " + t.Item2))),
            c => (HttpMethod.Post, $"v3/directline/conversations/{c.Item1}/activities", c.Item2),
            [HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge, .. Refusals]));
        tallies.Add(await FuzzAsync("GET /conversations/{id}/activities", 400,
            Gen.Select(target, Watermark).Select((t, w) => (t.Item1, w, new FuzzRequest([], null, "Bearer " + t.Item2))),
            c => (HttpMethod.Get, $"v3/directline/conversations/{c.Item1}/activities?watermark={c.w}", c.Item3),
            [HttpStatusCode.OK, .. Refusals]));
        tallies.Add(await FuzzAsync("GET /conversations/{id}", 300,
            Gen.Select(target, Watermark, credential).Select((t, w, auth) => (t.Item1, w, new FuzzRequest([], null, auth))),
            c => (HttpMethod.Get, $"v3/directline/conversations/{c.Item1}?watermark={c.w}", c.Item3),
            [HttpStatusCode.OK, .. Refusals]));
        tallies.Add(await FuzzAsync("POST /conversations/{id}/upload", 200,
            Gen.Select(target, FuzzBodies.Body(FuzzBodies.Activity(["ignored"], "https://ignored.example/")), credential)
                .Select((t, body, auth) => (t.Item1, new FuzzRequest(body, "multipart/form-data; boundary=x", auth))),
            c => (HttpMethod.Post, $"v3/directline/conversations/{c.Item1}/upload", c.Item2),
            [HttpStatusCode.NotImplemented, .. Refusals]));
        tallies.Add(await FuzzStreamAsync(host, pool, 200));
        tallies.Add(await FuzzPageTokenAsync(host, 200));

        var aimed = await FuzzAsync("POST /conversations/{id}/activities, aimed at a conversation in the middle of an intake", 800,
            Gen.Select(FuzzBodies.Body(FuzzBodies.InertActivity("ignored", "https://ignored.example/")), FuzzBodies.ContentType)
                .Select((body, type) => new FuzzRequest(body, type, "Bearer " + midIntake.Token)),
            request => (HttpMethod.Post, $"v3/directline/conversations/{midIntake.Id}/activities", request),
            [HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge, .. Refusals]);
        tallies.Add(aimed);
        foreach (var tally in tallies)
        {
            output.WriteLine(tally.ToString());
        }

        FuzzAnswers.AssertNoErrorsLogged(logs);
        await SayAsync(client, midIntake, "Chief of Police", IntakeMessages.AskAgency);
        (string Id, string Token) fresh = await client.GenerateAsync("user-after-fuzz");
        await SayAsync(client, fresh, "We need MVAI help", IntakeMessages.AskName);

        async Task<FuzzTally> FuzzAsync<T>(string name, long cases, Gen<T> gen, Func<T, (HttpMethod, string, FuzzRequest)> request, HttpStatusCode[] allowed)
        {
            var tally = new FuzzTally(name);
            await gen.SampleAsync(async generated =>
            {
                var (method, path, fuzz) = request(generated);
                using var response = await FuzzAnswers.SendAsync(host, method, path, fuzz);
                tally.Count(response.StatusCode, await FuzzAnswers.AssertAsync(response, fuzz, allowed, bodyIsRead: false));
            }, iter: cases, threads: 4);
            return tally;
        }
    }

    /// <summary>{user:{id,name}} bodies, any of it odd.</summary>
    private static readonly Gen<string> TokenRequest = Gen.Select(FuzzJson.OddText, FuzzJson.OddText, FuzzJson.Value)
        .Select((id, name, locale) => FuzzJson.Object([("user", FuzzJson.Object([("id", FuzzJson.Quote(id)), ("name", FuzzJson.Quote(name))])), ("locale", locale)]));

    private static readonly Gen<string> Watermark = Gen.Frequency(
        (3, Gen.Int[-5, 50].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("", "abc", "%00", "99999999999999999999", "-1", "1.5", "%E2%80%AE7", "0x10", "1e3", "%20")));

    /// <summary>Authorization headers: a real token, none, or ASCII garbage (HttpClient refuses anything else).</summary>
    private static Gen<string?> Credential(List<(string Id, string Token)> pool) => Gen.Frequency(
        (4, Gen.OneOf([.. pool]).Select(c => (string?)("Bearer " + c.Token))),
        (1, Gen.Const((string?)null)),
        (1, Gen.OneOf("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer a.b", "Bearer ....", "Token abc", "Bearer " + new string('A', 8000))
            .Select(value => (string?)value)),
        (1, Gen.OneOf([.. pool]).Select(c => (string?)("Bearer " + c.Token[..^2] + "xx"))));

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
