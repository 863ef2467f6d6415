using Microsoft.Data.Sqlite;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A real storage fault: another connection holds the app's SQLite file with <c>BEGIN EXCLUSIVE</c>, so every write the
/// app tries waits out its busy timeout and fails with SQLITE_BUSY, until this is disposed and the lock released.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private DatabaseLock(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<DatabaseLock> HoldAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        await using (var exclusive = connection.CreateCommand())
        {
            // BeginTransaction starts IMMEDIATE; taking the write lock with a write makes it certain it is held.
            exclusive.Transaction = transaction;
            exclusive.CommandText = "CREATE TABLE IF NOT EXISTS lock_probe (x INTEGER); INSERT INTO lock_probe VALUES (1);";
            await exclusive.ExecuteNonQueryAsync();
        }
        return new DatabaseLock(connection, transaction);
    }

    /// <summary>Row counts of every table and the state rows' ETags: equal snapshots mean nothing was written.</summary>
    public static async Task<string> SnapshotAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'lock_probe' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var lines = new List<string>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            lines.Add($"{table}: {await count.ExecuteScalarAsync()}");
        }
        await using (var state = connection.CreateCommand())
        {
            state.CommandText = "SELECT key, etag FROM bot_state ORDER BY key";
            await using var reader = await state.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"{reader.GetString(0)} = {reader.GetString(1)}");
            }
        }
        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
