using System.Net;
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
public sealed partial class DirectLineFuzzTests(ITestOutputHelper output)
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

    /// <summary>Authorization headers: a real token, none, ASCII garbage (HttpClient refuses anything else) or a malformed credential.</summary>
    private static Gen<string?> Credential(List<(string Id, string Token)> pool) => Gen.Frequency(
        (4, Gen.OneOf([.. pool]).Select(c => (string?)("Bearer " + c.Token))),
        (1, Gen.Const((string?)null)),
        (1, Gen.OneOf("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer a.b", "Bearer ....", "Token abc", "Bearer " + new string('A', 8000))
            .Select(value => (string?)value)),
        (1, MalformedCredentials.Any),
        (1, Gen.OneOf([.. pool]).Select(c => (string?)("Bearer " + c.Token[..^2] + "xx"))));
}
