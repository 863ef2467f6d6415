using System.Text.Json.Nodes;
using Mvai.Bot.BotFramework.State;

namespace Mvai.Bot.Tests.State;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private SqliteStorage CreateSut() => new($"Data Source={_path}");

    [Fact]
    public async Task Write_WithTheETagItWasRead_Succeeds_AndAStaleETagIsAConflict()
    {
        var storage = CreateSut();
        var created = await storage.WriteAsync(Item("k", 1, etag: null), default);
        var read = (await storage.ReadAsync(["k"], default))["k"];
        Assert.Equal(created["k"], read.ETag);

        await storage.WriteAsync(Item("k", 2, read.ETag), default);
        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(Item("k", 3, read.ETag), default));

        Assert.Equal("k", conflict.Key);
        Assert.Equal(2, (await storage.ReadAsync(["k"], default))["k"].Document["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_WhenTheKeyAlreadyExists_IsAConflict_NotAnOverwrite()
    {
        var storage = CreateSut();
        await storage.WriteAsync(Item("k", 1, etag: null), default);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(Item("k", 2, etag: null), default));
        Assert.Equal(1, (await storage.ReadAsync(["k"], default))["k"].Document["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Star_OverwritesUnconditionally()
    {
        var storage = CreateSut();
        await storage.WriteAsync(Item("k", 1, etag: null), default);

        await storage.WriteAsync(Item("k", 5, "*"), default);

        Assert.Equal(5, (await storage.ReadAsync(["k"], default))["k"].Document["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFailedBatch_WritesNothing()
    {
        var storage = CreateSut();
        await storage.WriteAsync(Item("taken", 1, etag: null), default);
        var batch = new Dictionary<string, StoreItem>
        {
            ["fresh"] = new(new JsonObject { ["n"] = 1 }, null),
            ["taken"] = new(new JsonObject { ["n"] = 2 }, "stale"),
        };

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(batch, default));

        Assert.False((await storage.ReadAsync(["fresh"], default)).ContainsKey("fresh"));
    }

    [Fact]
    public async Task Delete_RemovesTheKey_AndIgnoresMissingOnes()
    {
        var storage = CreateSut();
        await storage.WriteAsync(Item("k", 1, etag: null), default);

        await storage.DeleteAsync(["k", "never-written"], default);

        Assert.Empty(await storage.ReadAsync(["k"], default));
    }

    [Fact]
    public async Task Data_SurvivesANewStorageOnTheSameFile()
    {
        await CreateSut().WriteAsync(Item("k", 7, etag: null), default);

        var reopened = await CreateSut().ReadAsync(["k"], default);

        Assert.Equal(7, reopened["k"].Document["n"]!.GetValue<int>());
    }

    private static Dictionary<string, StoreItem> Item(string key, int n, string? etag) =>
        new() { [key] = new StoreItem(new JsonObject { ["n"] = n }, etag) };

    public void Dispose() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
