using Mvai.BotFramework.State;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// Where one test's app keeps its data: a fresh SQLite file or a fresh PostgreSQL database. Every host started on
/// it shares that data, so starting a second host after the first is an app restart, and two at once are two instances.
/// </summary>
public abstract class TestStorage : IAsyncLifetime
{
    /// <summary>The app's configuration for this storage (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>).</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    public abstract Task<BotTestHost> StartHostAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null);

    /// <summary>The database as the app sees it, for reading what it stored.</summary>
    public abstract StorageBackend OpenBackend();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteTestStorage : TestStorage
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Storage:ConnectionString"] = $"Data Source={_path}" };

    public override StorageBackend OpenBackend() => StorageBackend.Sqlite(new SqliteStorage($"Data Source={_path}").Migrated());

    public override Task<BotTestHost> StartHostAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null) =>
        BotTestHost.StartAsync(settings, _path, configure);
}

public sealed class PostgresTestStorage : TestStorage
{
    private readonly PostgresTestDatabase _database = new();

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = _database.ConnectionString,
    };

    public override StorageBackend OpenBackend() => StorageBackend.Postgres(_database.Open().Migrated());

    public override Task<BotTestHost> StartHostAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null) =>
        BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings, configure);

    public override Task InitializeAsync() => _database.InitializeAsync();

    public override Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// Runs a test class on each storage provider: write the tests in <c>XTests&lt;TStorage&gt; : OnEachStorage&lt;TStorage&gt;</c>
/// (starting hosts with <see cref="Storage"/>) and declare one sealed subclass per provider.
/// </summary>
public abstract class OnEachStorage<TStorage> : IAsyncLifetime
    where TStorage : TestStorage, new()
{
    protected TStorage Storage { get; } = new();

    public virtual Task InitializeAsync() => Storage.InitializeAsync();

    public virtual Task DisposeAsync() => Storage.DisposeAsync();
}
