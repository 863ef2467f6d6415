using System.Net;
using CsCheck;
using Mvai.Bot.Tests.Authentication;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the Authorization header where authentication is on (CsCheck): on <c>/api/messages</c>
/// and the console API, a malformed credential is always refused (401, or 429 once sign-in attempts are rate
/// limited), never a server error, and nothing is logged at Error.
/// </summary>
public sealed class CredentialFuzzTests(ITestOutputHelper output)
{
    private const long CasesPerEndpoint = 300;

    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests];

    [Fact]
    public async Task FuzzedCredentials_AreRefused_NeverAServerError()
    {
        var logs = new CapturedLogs();
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        var settings = AuthenticatedBotFixture.SettingsWithAdvisorConsole(metadata);
        settings["Advisors:FailedSignInDelay"] = "00:00:00";
        await using var host = await BotTestHost.StartAsync(settings, configure: builder => builder.Logging.AddProvider(logs));
        var activity = ProtocolBody(new Conversation(host));

        var endpoints = new (string Name, HttpMethod Method, string Path, byte[] Body)[]
        {
            ("POST /api/messages", HttpMethod.Post, "api/messages", activity),
            ("GET /api/advisor/queue", HttpMethod.Get, "api/advisor/queue", []),
            ("POST /api/advisor/cases/{id}/claim", HttpMethod.Post, "api/advisor/cases/no-such-case/claim", []),
        };
        foreach (var (name, method, path, body) in endpoints)
        {
            var tally = new FuzzTally(name);
            await MalformedCredentials.Any.SampleAsync(async credential =>
            {
                var request = new FuzzRequest(body, "application/json", credential);
                using var response = await FuzzAnswers.SendAsync(host, method, path, request);
                tally.Count(response.StatusCode, await FuzzAnswers.AssertAsync(response, request, Refusals, bodyIsRead: false));
            }, iter: CasesPerEndpoint, threads: 4);
            output.WriteLine(tally.ToString());
        }

        FuzzAnswers.AssertNoErrorsLogged(logs);
    }

    private static byte[] ProtocolBody(Conversation conversation)
    {
        var activity = conversation.NewActivity("message");
        activity.DeliveryMode = "expectReplies";
        return System.Text.Encoding.UTF8.GetBytes(Mvai.BotFramework.Protocol.ProtocolJson.Serialize(activity));
    }
}
