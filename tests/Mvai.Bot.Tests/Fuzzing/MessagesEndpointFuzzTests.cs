using System.Net;
using System.Text.Json;
using CsCheck;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Xunit.Abstractions;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of <c>POST /api/messages</c> (CsCheck): generated activities and broken bodies never get
/// a server error or crash a turn, and the host, a fresh conversation and one left mid-intake all carry on afterwards.
/// </summary>
public sealed class MessagesEndpointFuzzTests(ITestOutputHelper output)
{
    private const long GeneralCases = 5_000;
    private const long VictimCases = 1_500;

    private static readonly HttpStatusCode[] Allowed =
        [HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge];

    [Fact]
    public async Task FuzzedActivities_NeverGetAServerError_AndConversationsCarryOnAfterwards()
    {
        var logs = new CapturedLogs();
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(configure: builder => builder.Logging.AddProvider(logs));
        var midIntake = new Conversation(host, serviceUrl: connector.ServiceUrl);
        await midIntake.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await midIntake.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);

        var general = new FuzzTally("POST /api/messages");
        await FuzzBodies.Body(FuzzBodies.Activity(["fuzz-a", "fuzz-b", midIntake.Id + "-other"], connector.ServiceUrl))
            .Select(FuzzBodies.ContentType, (body, type) => new FuzzRequest(body, type))
            .SampleAsync(async request =>
            {
                await SendAndCheckAsync(host, request, general);
            }, iter: GeneralCases, threads: 4);

        var aimed = new FuzzTally("POST /api/messages, aimed at a conversation in the middle of an intake");
        await FuzzBodies.Body(FuzzBodies.InertActivity(midIntake.Id, connector.ServiceUrl))
            .Select(FuzzBodies.ContentType, (body, type) => new FuzzRequest(body, type))
            .SampleAsync(async request =>
            {
                await SendAndCheckAsync(host, request, aimed);
            }, iter: VictimCases, threads: 4);
        output.WriteLine(general.ToString());
        output.WriteLine(aimed.ToString());

        FuzzAnswers.AssertNoErrorsLogged(logs);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
        await midIntake.ExpectAsync("Chief of Police", IntakeMessages.AskAgency);
        var fresh = new Conversation(host, serviceUrl: connector.ServiceUrl);
        await fresh.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
    }

    private static async Task SendAndCheckAsync(BotTestHost host, FuzzRequest request, FuzzTally tally)
    {
        using var response = await FuzzAnswers.SendAsync(host, HttpMethod.Post, "api/messages", request);
        // An invoke nobody handles is 501 by the Bot Framework's own rule; any other 5xx is a failure.
        var allowed = IsInvoke(request.Body) ? [.. Allowed, HttpStatusCode.NotImplemented] : Allowed;
        tally.Count(response.StatusCode, await FuzzAnswers.AssertAsync(response, request, allowed, bodyIsRead: true));
    }

    private static bool IsInvoke(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && string.Equals(type.GetString(), "invoke", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string with a lone surrogate: either way not an invoke the bot could read.
            return false;
        }
    }
}
