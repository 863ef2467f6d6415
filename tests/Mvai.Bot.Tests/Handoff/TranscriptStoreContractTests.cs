using System.Globalization;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>The transcript store behind handoff history, on each provider (see the subclasses at the end).</summary>
public abstract class TranscriptStoreContractTests
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-11-23T12:00:00Z", CultureInfo.InvariantCulture);
    private readonly ManualClock _clock = new() { Now = Monday };

    /// <summary>A store on this test's empty database; a second call is another instance on the same database.</summary>
    private protected abstract ITranscriptStore CreateSut(TimeProvider clock);

    [Fact]
    public async Task Recent_IsTheLastNOfTheConversation_OldestFirst_WhicheverInstanceLoggedThem()
    {
        var a = CreateSut(_clock);
        var b = CreateSut(_clock);
        for (var i = 1; i <= 5; i++)
        {
            await (i % 2 == 0 ? a : b).LogActivityAsync(Message("conv-1", $"line {i}"), default);
        }
        await a.LogActivityAsync(Message("conv-2", "elsewhere"), default);

        var recent = await b.GetRecentAsync("test", "conv-1", 3, default);

        Assert.Equal(["line 3", "line 4", "line 5"], recent.Select(r => r.Text));
    }

    [Fact]
    public async Task RowsLoggedWithoutWaiting_AreStoredInTheOrderTheyWereLogged_AsTheyWereThen()
    {
        var store = CreateSut(_clock);
        var reply = Message("conv-1", "line 2");
        var writes = new List<Task> { store.LogActivityAsync(Message("conv-1", "line 1"), default), store.LogActivityAsync(reply, default) };
        reply.Text = "changed after it was logged";
        writes.AddRange(Enumerable.Range(3, 38).Select(i => store.LogActivityAsync(Message(i % 3 == 0 ? "conv-2" : "conv-1", $"line {i}"), default)));

        await Task.WhenAll(writes);

        var expected = new[] { 1, 2 }.Concat(Enumerable.Range(3, 38).Where(i => i % 3 != 0)).Select(i => $"line {i}");
        Assert.Equal(expected, (await store.GetRecentAsync("test", "conv-1", 100, default)).Select(r => r.Text));
    }

    [Fact]
    public async Task Purge_DeletesWhatWasLoggedBeforeTheCutoff_AndCountsIt()
    {
        var store = CreateSut(_clock);
        await store.LogActivityAsync(Message("conv-1", "old"), default);
        _clock.Advance(TimeSpan.FromDays(31));
        await store.LogActivityAsync(Message("conv-1", "new"), default);

        var purged = await store.PurgeBeforeAsync(Monday.AddDays(30), default);

        Assert.Equal(1, purged);
        Assert.Equal(["new"], (await store.GetRecentAsync("test", "conv-1", 10, default)).Select(r => r.Text));
    }

    private static Activity Message(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = conversationId },
    };
}

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override ITranscriptStore CreateSut(TimeProvider clock) => new TranscriptStore(new SqliteStorage($"Data Source={_path}").Migrated(), clock);
}

public sealed class PostgresTranscriptStoreTests : TranscriptStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override ITranscriptStore CreateSut(TimeProvider clock) => new TranscriptStore(_database.Open().Migrated(), clock);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
