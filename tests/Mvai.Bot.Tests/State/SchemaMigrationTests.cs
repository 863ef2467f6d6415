using Dapper;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Tests.State;

/// <summary>Versioned migrations at start-up, on each engine: instances starting together, an upgrade, a failing step.</summary>
public abstract class SchemaMigrationTests
{
    private const string CreateTable = "CREATE TABLE demo (x integer NOT NULL); INSERT INTO demo (x) VALUES (1);";
    private const string AddColumn = "ALTER TABLE demo ADD COLUMN y integer NOT NULL DEFAULT 7;";

    /// <summary>A new instance on the test's database: its own pool and, for SQLite, its own writer queue, as another process has.</summary>
    private protected abstract SqlDatabase OpenInstance();

    [Fact]
    public async Task InstancesStartingTogether_ApplyEachMigrationOnce()
    {
        var instances = Enumerable.Range(0, 6).Select(_ => OpenInstance()).ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.MigrateAsync([Demo(CreateTable)], default))));

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
        Assert.Equal(1L, await ScalarAsync("SELECT version FROM schema_versions WHERE component = 'demo'"));
    }

    [Fact]
    public async Task ANewMigration_IsAppliedOnTopOfTheExistingSchema_AndKeepsItsRows()
    {
        await OpenInstance().MigrateAsync([Demo(CreateTable)], default);

        await OpenInstance().MigrateAsync([Demo(CreateTable, AddColumn)], default);
        await OpenInstance().MigrateAsync([Demo(CreateTable, AddColumn)], default);

        Assert.Equal(7L, await ScalarAsync("SELECT y FROM demo WHERE x = 1"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
        Assert.Equal(2L, await ScalarAsync("SELECT version FROM schema_versions WHERE component = 'demo'"));
    }

    [Fact]
    public async Task AFailingMigration_ChangesNothing()
    {
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            OpenInstance().MigrateAsync([Demo(CreateTable, "ALTER TABLE no_such_table ADD COLUMN z integer;")], default));

        // Had the first step stayed, creating the table again would fail.
        await OpenInstance().MigrateAsync([Demo(CreateTable)], default);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
    }

    [Fact]
    public async Task TheAppsComponents_MigrateTwice_AndTheSecondTimeChangesNothing()
    {
        await OpenInstance().MigrateAsync(TestSchemas.All, default);
        await OpenInstance().MigrateAsync(TestSchemas.All, default);

        foreach (var component in TestSchemas.All)
        {
            Assert.Equal((long)component.Steps.Count, await ScalarAsync($"SELECT version FROM schema_versions WHERE component = '{component.Name}'"));
        }
    }

    private protected async Task<long?> ScalarAsync(string sql)
    {
        await using var connection = await OpenInstance().OpenReaderAsync(default);
        var value = await connection.ExecuteScalarAsync(sql);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SchemaComponent Demo(params string[] steps) => new("demo", [.. steps.Select(SchemaStep.Sql)]);
}

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override SqlDatabase OpenInstance() => new SqliteStorage($"Data Source={_path}");
}

public sealed class PostgresSchemaMigrationTests : SchemaMigrationTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override SqlDatabase OpenInstance() => _database.Open();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
