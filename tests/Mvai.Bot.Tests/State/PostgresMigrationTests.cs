using Mvai.Bot.Tests.Infrastructure;
using Npgsql;

namespace Mvai.Bot.Tests.State;

/// <summary>Schema migrations at start-up, when instances start together, upgrade, or a migration fails.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private const string CreateTable = "CREATE TABLE demo (x integer NOT NULL); INSERT INTO demo (x) VALUES (1);";
    private const string AddColumn = "ALTER TABLE demo ADD COLUMN y integer NOT NULL DEFAULT 7;";
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task InstancesStartingTogether_ApplyEachMigrationOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _database.Open().Migrate("demo", [CreateTable]))));

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
        Assert.Equal(1, await ScalarAsync("SELECT version FROM schema_versions WHERE component = 'demo'"));
    }

    [Fact]
    public async Task ANewMigration_IsAppliedOnTopOfTheExistingSchema_AndKeepsItsRows()
    {
        _database.Open().Migrate("demo", [CreateTable]);

        _database.Open().Migrate("demo", [CreateTable, AddColumn]);
        _database.Open().Migrate("demo", [CreateTable, AddColumn]);

        Assert.Equal(7, await ScalarAsync("SELECT y FROM demo WHERE x = 1"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
        Assert.Equal(2, await ScalarAsync("SELECT version FROM schema_versions WHERE component = 'demo'"));
    }

    [Fact]
    public async Task AFailingMigration_ChangesNothing()
    {
        Assert.Throws<PostgresException>(() => _database.Open().Migrate("demo", [CreateTable, "ALTER TABLE no_such_table ADD COLUMN z integer;"]));

        Assert.Null(await ScalarAsync("SELECT to_regclass('demo')::text"));
        _database.Open().Migrate("demo", [CreateTable]);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM demo"));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
