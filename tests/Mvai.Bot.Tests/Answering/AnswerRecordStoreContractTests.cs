using System.Globalization;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Tests.Answering;

/// <summary>The answer records' contract, run against every engine (see the subclasses at the end).</summary>
public abstract class AnswerRecordStoreContractTests
{
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2026-11-24T12:00:00Z", CultureInfo.InvariantCulture);

    private protected abstract IAnswerRecordStore CreateSut();

    private static AnswerRecord Answer(string id, string kind, DateTimeOffset at, string conversation = "c-1") => new()
    {
        AnswerId = id, ChannelId = "webchat", ConversationId = conversation, ActivityId = $"act-{id}", Question = "How do we run a press briefing?",
        Kind = kind, Confidence = 0.42, ModelWritten = true, Topic = "media", PassageIds = ["media-3", "media-7"], AnsweredAt = at,
    };

    [Fact]
    public async Task AnAnswer_ComesBackAsRecorded_OnlyInItsOwnConversation_AndARepeatChangesNothing()
    {
        var store = CreateSut();
        await store.RecordAsync(Answer("a-1", "Answered", Noon), default);
        await store.RecordAsync(Answer("a-1", "Refused", Noon.AddHours(1)), default);

        var found = await store.FindByActivityAsync("webchat", "c-1", "act-a-1", default);

        Assert.Equal(Answer("a-1", "Answered", Noon) with { PassageIds = found!.PassageIds }, found);
        Assert.Equal(["media-3", "media-7"], found.PassageIds);
        Assert.Null(await store.FindAsync("webchat", "c-2", "a-1", default));
    }

    [Fact]
    public async Task Gaps_AreTheUnsureRefusedCaveatedDislikedOrHandedOffAnswers_NewestFirst()
    {
        var store = CreateSut();
        await store.RecordAsync(Answer("fine", "Answered", Noon), default);
        await store.RecordAsync(Answer("caveated", "Caveated", Noon.AddMinutes(1)), default);
        await store.RecordAsync(Answer("disliked", "Answered", Noon.AddMinutes(2)), default);
        await store.RecordAsync(Answer("handed-off", "Answered", Noon.AddMinutes(3), conversation: "c-2"), default);
        await store.RecordAsync(Answer("too-old", "Refused", Noon.AddDays(-2)), default);

        await store.SaveFeedbackAsync("disliked", FeedbackReaction.Dislike, "Not for a small agency", Noon.AddMinutes(5), default);
        await store.MarkHandoffAsync("webchat", "c-2", Noon.AddMinutes(3), default);
        var gaps = await store.ListGapsAsync(Noon.AddDays(-1), default);

        Assert.Equal(["handed-off", "disliked", "caveated"], gaps.Select(g => g.AnswerId));
        Assert.True(gaps[0].LedToHandoff);
        Assert.Equal((FeedbackReaction.Dislike, "Not for a small agency", Noon.AddMinutes(5)), (gaps[1].Reaction, gaps[1].FeedbackText, gaps[1].FeedbackAt));
    }

    [Fact]
    public async Task PurgeAndDeletion_RemoveOnlyWhatTheyName()
    {
        var store = CreateSut();
        await store.RecordAsync(Answer("old", "Answered", Noon.AddDays(-40)), default);
        await store.RecordAsync(Answer("other", "Answered", Noon, conversation: "c-2"), default);
        await store.RecordAsync(Answer("kept", "Answered", Noon), default);

        Assert.Equal(1, await store.PurgeBeforeAsync(Noon.AddDays(-1), default));
        Assert.Equal(1, await store.DeleteConversationAsync("webchat", "c-2", default));

        Assert.NotNull(await store.FindAsync("webchat", "c-1", "kept", default));
        Assert.Null(await store.FindAsync("webchat", "c-1", "old", default));
    }
}

public sealed class SqliteAnswerRecordStoreTests : AnswerRecordStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override IAnswerRecordStore CreateSut() => new AnswerRecordStore(new SqliteStorage($"Data Source={_path}").Migrated());
}

public sealed class PostgresAnswerRecordStoreTests : AnswerRecordStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override IAnswerRecordStore CreateSut() => new AnswerRecordStore(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
