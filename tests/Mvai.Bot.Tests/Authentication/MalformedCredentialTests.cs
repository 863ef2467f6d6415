using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Fuzzing;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>
/// A malformed credential (a five-part token with a segment that is not base64url, Basic that is not base64...) is a
/// 401 on <c>/api/messages</c> and on the console API, and no exception of it reaches the logs.
/// </summary>
public sealed class MalformedCredentialTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private OpenIdMetadataServer _metadata = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _host = await BotTestHost.StartAsync(AuthenticatedBotFixture.SettingsWithAdvisorConsole(_metadata), configure: builder => builder.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    [Fact]
    public async Task MalformedCredentials_Are401_OnTheMessagesEndpointAndTheConsole_AndLogNoException()
    {
        var answers = new List<string>();
        foreach (var credential in MalformedCredentials.Shapes)
        {
            var activity = new Conversation(_host).NewActivity("message");
            activity.DeliveryMode = "expectReplies";
            using var messages = await _host.PostActivityAsync(activity, credential);
            using var queue = new HttpRequestMessage(HttpMethod.Get, "api/advisor/queue");
            queue.Headers.TryAddWithoutValidation("Authorization", credential);
            using var console = await _host.Client.SendAsync(queue);
            answers.Add($"{(int)messages.StatusCode} {(int)console.StatusCode} {credential[..Math.Min(60, credential.Length)]}");
        }

        Assert.All(answers, answer => Assert.StartsWith("401 401 ", answer, StringComparison.Ordinal));
        FuzzAnswers.AssertNoErrorsLogged(_logs);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }
}
