using Mvai.Bot.Tests.Infrastructure;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;

namespace Mvai.Bot.Tests.State;

/// <summary>
/// Writers of one process queue on the storage's write gate, and transcript rows are group-committed: many concurrent
/// turns must still find every row stored, in order, and readable as soon as their own write returns.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ASyncedWrite_CommitsWithSynchronousFull_AndTheConnectionGoesBackToNormal()
    {
        var storage = new SqliteStorage($"Data Source={_path}").Migrated();

        var during = await storage.WriteDurablyAsync(connection => SynchronousAsync((Microsoft.Data.Sqlite.SqliteConnection)connection), default);
        // The pool hands the same native connection to the next writer.
        await using var next = await storage.OpenSqliteWriterAsync(default);

        // PRAGMA synchronous reads 2 for FULL, 1 for NORMAL.
        Assert.Equal((2L, 1L), (during, await SynchronousAsync(next)));
    }

    private static async Task<long> SynchronousAsync(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ConcurrentConversations_EachFindAllTheirTranscriptRows_InOrder_AsSoonAsEachWriteReturns()
    {
        var store = new TranscriptStore(new SqliteStorage($"Data Source={_path}").Migrated(), TimeProvider.System);

        async Task ChatAsync(string conversation)
        {
            for (var line = 1; line <= 25; line++)
            {
                await store.LogActivityAsync(Message(conversation, $"line {line}"), default);
                // Read-your-write: the row is committed when the await returns, not merely queued.
                var recent = await store.GetRecentAsync("test", conversation, 1, default);
                Assert.Equal($"line {line}", Assert.Single(recent).Text);
            }
        }
        await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => ChatAsync($"c{i}"))));

        foreach (var i in Enumerable.Range(1, 16))
        {
            var texts = (await store.GetRecentAsync("test", $"c{i}", 100, default)).Select(a => a.Text);
            Assert.Equal(Enumerable.Range(1, 25).Select(n => $"line {n}"), texts);
        }
    }

    [Fact]
    public async Task AWriter_WaitsForTheWriterBeforeIt_AndDisposingLetsItIn()
    {
        var storage = new SqliteStorage($"Data Source={_path}").Migrated();
        var first = await storage.OpenSqliteWriterAsync(default);

        var second = storage.OpenSqliteWriterAsync(default);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var granted = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(System.Data.ConnectionState.Open, granted.State);
    }

    [Fact]
    public async Task ConcurrentStateWrites_AllLand_AndAStaleOneIsStillAConflict()
    {
        var storage = new SqliteStorage($"Data Source={_path}").Migrated();

        var etags = await Task.WhenAll(Enumerable.Range(1, 64).Select(i => Task.Run(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { [$"k{i}"] = new(new JsonObject { ["n"] = i }, null) }, default))));

        var read = await storage.ReadAsync([.. Enumerable.Range(1, 64).Select(i => $"k{i}")], default);
        Assert.Equal(64, read.Count);
        Assert.All(Enumerable.Range(1, 64), i => Assert.Equal(i, read[$"k{i}"].Document["n"]!.GetValue<int>()));
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k1"] = new(new JsonObject { ["n"] = 100 }, etags[0]["k1"]) }, default);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k1"] = new(new JsonObject { ["n"] = 101 }, etags[0]["k1"]) }, default));
    }

    [Fact]
    public async Task OneBatch_CommitsEveryWriteThatHeld_AndFailsOnlyTheStaleOne()
    {
        var storage = new SqliteStorage($"Data Source={_path}").Migrated();
        var transcript = new TranscriptStore(storage, TimeProvider.System);
        var first = await storage.WriteAsync(Item("stale", 1, null), default);
        await storage.WriteAsync(Item("stale", 2, first["stale"]), default);

        // While another writer holds the database, everything queues up and then goes into one transaction.
        var writer = await storage.OpenSqliteWriterAsync(default);
        var fresh = storage.WriteAsync(Item("fresh", 1, null), default);
        var stale = storage.WriteAsync(Item("stale", 3, first["stale"]), default);
        var row = transcript.LogActivityAsync(Message("c1", "hello"), default);
        var later = storage.WriteAsync(Item("later", 1, null), default);
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => stale);
        await Task.WhenAll(fresh, row, later);
        var read = await storage.ReadAsync(["fresh", "stale", "later"], default);
        Assert.Equal([1, 2, 1], new[] { "fresh", "stale", "later" }.Select(key => read[key].Document["n"]!.GetValue<int>()));
        Assert.Equal("hello", Assert.Single(await transcript.GetRecentAsync("test", "c1", 10, default)).Text);
    }

    private static Dictionary<string, StoreItem> Item(string key, int n, string? etag) => new() { [key] = new(new JsonObject { ["n"] = n }, etag) };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = conversation },
        Text = text,
    };
}
