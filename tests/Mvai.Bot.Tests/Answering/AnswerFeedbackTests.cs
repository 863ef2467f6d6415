using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Teams;

namespace Mvai.Bot.Tests.Answering;

/// <summary>
/// Thumbs on answers, as Teams (invoke <c>message/submitAction</c>) and Web Chat (event
/// <c>webchat:activity-status/feedback</c>) send them: stored against the answer, its question and passages, on each
/// database; answered as each channel expects; anything malformed or foreign changes nothing.
/// </summary>
public abstract class AnswerFeedbackTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private const string Question = "what do i tell the press in the first hour";

    [Fact]
    public async Task TeamsDislikeWithText_IsStoredAgainstTheAnswer_AndAnswered200WithAnEmptyObject()
    {
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await Storage.StartHostAsync();
        var chat = new TeamsChat(host, serviceUrl: connector.ServiceUrl);
        var answerId = await AskInTeamsAsync(host, connector, chat);

        using var response = await host.PostActivityAsync(TeamsFeedback(chat, answerId, "dislike", """{"feedbackText":"it did not say who speaks first"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(await Records(host).ListGapsAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        Assert.Equal((Question, FeedbackReaction.Dislike, "it did not say who speaks first"), (stored.Question, stored.Reaction, stored.FeedbackText));
        Assert.Equal(answerId, stored.ActivityId);
        Assert.NotEmpty(stored.PassageIds);
        Assert.Equal("media", stored.Topic);
        Assert.Contains(AssistantMessages.FeedbackSorry, await connector.WaitForTextsAsync(2));
    }

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"meh","feedback":"{}"}}""")]
    [InlineData("""{"actionName":"share","actionValue":{"reaction":"like"}}""")]
    [InlineData("""[1,2,3]""")]
    public async Task AMalformedTeamsFeedbackInvoke_Gets400WithTheReason_AndTheFormGoesOn(string value)
    {
        await using var host = await Storage.StartHostAsync();
        var chat = new TeamsChat(host);
        await chat.SayAsync("We need MVAI help");
        var invoke = chat.FromCapture("05-invoke-adaptiveCard-action.json");
        invoke.Name = FeedbackPayloads.TeamsInvokeName;
        invoke.ReplyToId = "reply-1";
        invoke.Value = JsonNode.Parse(value);

        using var response = await host.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("feedback", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(IntakeMessages.AskTitle, Assert.Single(await chat.SayAsync("Pat Rivera")).Text);
    }

    [Fact]
    public async Task AThumbInTheMiddleOfTheForm_IsStoredWithoutAThankYou_AndTheFormGoesOn()
    {
        await using var host = await Storage.StartHostAsync();
        var chat = new Conversation(host, channelId: Channels.Directline);
        var answer = Assert.Single(await chat.SayAsync(Question));
        await chat.SayAsync("We need MVAI help");

        var replies = await chat.SendAsync(WebChatFeedback(chat, Thumb(answer, "LikeAction")));

        Assert.Empty(replies);
        Assert.Equal(FeedbackReaction.Like, (await FindAsync(host, chat, answer))!.Reaction);
        Assert.Equal(IntakeMessages.AskTitle, Assert.Single(await chat.SayAsync("Pat Rivera")).Text);
    }

    [Fact]
    public async Task AWebChatThumbsUp_IsStored_AndThanked()
    {
        await using var host = await Storage.StartHostAsync();
        var chat = new Conversation(host, channelId: Channels.Directline);
        var answer = Assert.Single(await chat.SayAsync(Question));

        var replies = await chat.SendAsync(WebChatFeedback(chat, Thumb(answer, "LikeAction")));

        Assert.Equal(AssistantMessages.FeedbackThanks, Assert.Single(replies).Text);
        var stored = (await FindAsync(host, chat, answer))!;
        Assert.Equal((FeedbackReaction.Like, Question), (stored.Reaction, stored.Question));
    }

    [Fact]
    public async Task AThumbNamingAnotherConversationsAnswer_OrNoAnswer_ChangesNothing()
    {
        await using var host = await Storage.StartHostAsync();
        var asker = new Conversation(host, channelId: Channels.Directline);
        var answer = Assert.Single(await asker.SayAsync(Question));
        var other = new Conversation(host, channelId: Channels.Directline);
        var forged = WebChatFeedback(other, Thumb(answer, "DislikeAction"));
        var nonsense = WebChatFeedback(other, new Entity { Type = "thing", Properties = new Dictionary<string, System.Text.Json.JsonElement>() });

        Assert.Empty(await other.SendAsync(forged));
        Assert.Empty(await other.SendAsync(nonsense));

        Assert.Null((await FindAsync(host, asker, answer))!.Reaction);
    }

    [Fact]
    public async Task TheRetentionPurge_DeletesAnswersAsOldAsTheTranscripts_AndKeepsNewerOnes()
    {
        await using var host = await Storage.StartHostAsync(new Dictionary<string, string?> { ["Retention:Enabled"] = "false" });
        var records = Records(host);
        var now = DateTimeOffset.UtcNow;
        await records.RecordAsync(Sample("old", now.AddDays(-91)), CancellationToken.None);
        await records.RecordAsync(Sample("new", now.AddDays(-89)), CancellationToken.None);

        var purge = await host.Services.GetRequiredService<Mvai.Bot.Privacy.DataRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, purge.AnswerRecords);
        Assert.Equal(["new"], (await records.ListGapsAsync(now.AddDays(-365), CancellationToken.None)).Select(r => r.Question));
    }

    private static AnswerRecord Sample(string question, DateTimeOffset at) => new()
    {
        AnswerId = AnswerIds.New(), ChannelId = Channels.Directline, ConversationId = "conv-" + question, Question = question,
        Kind = "LowConfidence", AnsweredAt = at,
    };

    private static IAnswerRecordStore Records(BotTestHost host) => host.Services.GetRequiredService<IAnswerRecordStore>();

    private static Task<AnswerRecord?> FindAsync(BotTestHost host, Conversation chat, Activity answer)
    {
        FeedbackActionIds.TryRead(Thumb(answer, "LikeAction").GetString("@id"), out var answerId);
        return Records(host).FindAsync(Channels.Directline, chat.Id, answerId!, CancellationToken.None);
    }

    /// <summary>Asks in a Teams personal chat whose replies go through a connector, so the answer gets an id; returns it.</summary>
    private static async Task<string> AskInTeamsAsync(BotTestHost host, ChannelConnectorServer connector, TeamsChat chat)
    {
        using var asked = await host.PostActivityAsync(chat.Message(Question));
        await connector.WaitForRequestsAsync(1);
        var ids = connector.Requests.Select((r, i) => (r, i)).Where(x => JsonNode.Parse(x.r.Body)!["entities"] is not null).Select(x => $"reply-{x.i + 1}");
        return Assert.Single(ids);
    }

    private static Activity TeamsFeedback(TeamsChat chat, string answerActivityId, string reaction, string feedbackJson)
    {
        // The Playground's captured invoke, as Teams sends a thumb: same envelope, another name and value.
        var invoke = chat.FromCapture("05-invoke-adaptiveCard-action.json");
        invoke.Name = FeedbackPayloads.TeamsInvokeName;
        invoke.ReplyToId = answerActivityId;
        invoke.Value = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = feedbackJson },
        };
        return invoke;
    }

    /// <summary>The thumb of the answer's Message entity, as Web Chat 4.18.1 posts it back (the action, as sent).</summary>
    private static Entity Thumb(Activity answer, string type)
    {
        var action = NativeCitationTests.MessageEntity(answer).GetProperty("potentialAction").EnumerateArray().Single(a => a.GetProperty("@type").GetString() == type);
        return new Entity { Properties = action.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) };
    }

    private static Activity WebChatFeedback(Conversation chat, Entity thumb)
    {
        var feedback = chat.NewActivity(ActivityTypes.Event);
        feedback.Name = FeedbackPayloads.WebChatEventName;
        feedback.Entities = [thumb];
        return feedback;
    }
}

public sealed class AnswerFeedbackTestsOnSqlite : AnswerFeedbackTests<SqliteTestStorage>;

public sealed class AnswerFeedbackTestsOnPostgres : AnswerFeedbackTests<PostgresTestStorage>;
