using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Answering;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>
/// Teams retries a request that is not answered within about 15 s. With a slow language model behind the
/// answers, a Teams turn shows typing and ends at once; the answer follows proactively, and the retry of the
/// same activity is not processed again.
/// </summary>
public sealed class SlowAnswerTests
{
    private const string ModelAnswer = "Hold a short statement within the first hour and promise regular updates.";
    private static readonly TimeSpan ModelDelay = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task SlowModelAnswer_InATeamsGroupChat_TurnEndsWithTyping_AnswerArrivesProactively_RetryIsIgnored()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, delay: ModelDelay);
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
            ["Knowledge:OpenAI:ApiKey"] = "test-key",
        });
        var question = new TeamsChat(host, serviceUrl: connector.ServiceUrl).Message("what do i tell the press in the first hour");
        // Teams streams in personal chats only: a group chat gets typing, then the answer.
        question.Conversation!.ConversationType = "groupChat";

        var clock = Stopwatch.StartNew();
        using var first = await host.PostActivityAsync(question);
        var firstTurn = clock.Elapsed;
        using var retry = await host.PostActivityAsync(question);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.True(firstTurn < ModelDelay, $"The turn took {firstTurn}, as long as the model");
        var sent = await connector.WaitForRequestsAsync(2, TimeSpan.FromSeconds(20));
        await Task.Delay(ModelDelay);
        Assert.Equal(2, connector.Requests.Count);
        var (typing, answer) = (JsonNode.Parse(sent[0].Body)!, JsonNode.Parse(sent[1].Body)!);
        Assert.Equal(ActivityTypes.Typing, typing["type"]!.GetValue<string>());
        Assert.Null(typing["entities"]);
        Assert.Contains(ModelAnswer, answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(question.Id, answer["replyToId"]!.GetValue<string>());
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task StepAfterADeferredAnswer_RunsInTheProactiveTurn_AndItsStateIsSaved()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, delay: TimeSpan.FromMilliseconds(300));
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
        });
        var chat = new TeamsChat(host, serviceUrl: connector.ServiceUrl);
        var reference = chat.Message("what do i tell the press in the first hour").GetConversationReference();
        var answered = host.Services.GetRequiredService<ConversationState>().CreateProperty<string>("test.answered");

        await host.Services.GetRequiredService<IChannelAdapter>().ContinueConversationAsync(
            reference,
            (turn, ct) => host.Services.GetRequiredService<GuidanceReplies>().SendAnswerAsync(
                turn, "what do i tell the press in the first hour", (later, answer, laterCt) => answered.SetAsync(later, answer.ShortAnswer, laterCt), ct),
            CancellationToken.None);

        await connector.WaitForRequestsAsync(2);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyDictionary<string, StoreItem> stored;
        do
        {
            await Task.Delay(50);
            stored = await host.Services.GetRequiredService<IStorage>().ReadAsync([$"msteams/conversations/{chat.ConversationId}"], CancellationToken.None);
        }
        while (stored.Count == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(ModelAnswer, Assert.Single(stored).Value.Document["test.answered"]?.GetValue<string>());
    }

    [Fact]
    public async Task DeferredAnswer_ReachesAnAllowedTenant_NamedOnlyInChannelData()
    {
        const string AgencyTenant = "7a1c0f2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, delay: TimeSpan.FromMilliseconds(300));
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
            ["Teams:AllowedTenants:0"] = AgencyTenant,
        });
        var question = new TeamsChat(host, serviceUrl: connector.ServiceUrl, tenantId: AgencyTenant).Message("what do i tell the press in the first hour");
        question.Conversation!.TenantId = null;

        using var response = await host.PostActivityAsync(question);

        // "Searching the MVAI guidance...", then the answer (a personal chat: streamed).
        var sent = await connector.WaitForRequestsAsync(2);
        await Eventually.TrueAsync(() => Task.FromResult(connector.Requests.Any(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>() == ActivityTypes.Message)), "the answer");
        var answer = connector.Requests.Select(r => JsonNode.Parse(r.Body)!).Single(a => a["type"]!.GetValue<string>() == ActivityTypes.Message);
        Assert.Contains(ModelAnswer, answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowModelAnswer_WithExpectReplies_IsAnsweredWithinTheTurn()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, delay: TimeSpan.FromMilliseconds(200));
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
        });

        var replies = await new TeamsChat(host).SayAsync("what do i tell the press in the first hour");

        var answer = Assert.Single(replies);
        Assert.Contains(ModelAnswer, answer.Text, StringComparison.Ordinal);
        // Written by the model: Teams labels it "AI generated".
        Assert.Equal("AIGeneratedContent", Mvai.Bot.Tests.Answering.NativeCitationTests.MessageEntity(answer).GetProperty("additionalType")[0].GetString());
    }

    [Fact]
    public async Task QuestionInsideTheRequestForm_InTeams_IsAnsweredFromTheGuidanceWithinTheTurn_ThenTheFormContinues()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, delay: ModelDelay);
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
            ["Intake:Prefill:ModelTimeout"] = "00:00:00.200",
        });
        var chat = new TeamsChat(host);
        await chat.SayAsync("We need MVAI help");
        var asked = model.Requests.Count;

        var replies = await chat.SayAsync("what is a family assistance center?");

        // The model was not asked, so the turn never waited on it.
        Assert.Equal(asked, model.Requests.Count);
        Assert.Equal(2, replies.Count);
        Assert.Contains("family assistance center", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Mvai.Bot.Intake.IntakeMessages.AskName, replies[1].Text);
    }
}
