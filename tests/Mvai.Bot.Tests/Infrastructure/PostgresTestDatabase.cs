using Mvai.BotFramework.State.Postgres;
using Npgsql;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A fresh database on the shared <see cref="PostgresCluster"/> for one test: call <see cref="InitializeAsync"/> from the
/// test's own <c>IAsyncLifetime</c>. <see cref="Open"/> gives a new connection pool each time, like another app instance.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private readonly List<PostgresDatabase> _opened = [];
    private PostgresCluster? _cluster;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.SharedAsync();
        ConnectionString = await _cluster.CreateDatabaseAsync();
    }

    /// <summary>A new <see cref="PostgresDatabase"/> (one pool) on this database, disposed with the test.</summary>
    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(ConnectionString);
        _opened.Add(database);
        return database;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
        if (_cluster is not null && ConnectionString.Length > 0)
        {
            await using var connection = new NpgsqlConnection(_cluster.AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand(
                $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
