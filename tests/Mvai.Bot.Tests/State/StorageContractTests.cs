using System.Text.Json.Nodes;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Postgres;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.State;

/// <summary>The <see cref="IStorage"/> contract, run against every provider (see the subclasses at the end).</summary>
public abstract class StorageContractTests
{
    /// <summary>A storage on this test's database; a second call is another instance on the same database.</summary>
    protected abstract IStorage CreateSut();

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
    public async Task TwoInstancesUpdatingFromTheSameRead_OneWins_AndTheOtherIsAConflict()
    {
        var a = CreateSut();
        var b = CreateSut();
        await a.WriteAsync(Item("k", 1, etag: null), default);
        var read = (await b.ReadAsync(["k"], default))["k"];

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await (i % 2 == 0 ? a : b).WriteAsync(Item("k", 10 + i, read.ETag), default);
                return 10 + i;
            }
            catch (StorageConcurrencyException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(writes, n => n > 0);
        Assert.Equal(winner, (await a.ReadAsync(["k"], default))["k"].Document["n"]!.GetValue<int>());
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
    public async Task Data_SurvivesANewStorageOnTheSameDatabase()
    {
        await CreateSut().WriteAsync(Item("k", 7, etag: null), default);

        var reopened = await CreateSut().ReadAsync(["k"], default);

        Assert.Equal(7, reopened["k"].Document["n"]!.GetValue<int>());
    }

    private static Dictionary<string, StoreItem> Item(string key, int n, string? etag) =>
        new() { [key] = new StoreItem(new JsonObject { ["n"] = n }, etag) };

}

public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    protected override IStorage CreateSut() => new SqliteStorage($"Data Source={_path}").Migrated();

    public void Dispose() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}

public sealed class PostgresStorageTests : StorageContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    protected override IStorage CreateSut() => new PostgresStorage(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
