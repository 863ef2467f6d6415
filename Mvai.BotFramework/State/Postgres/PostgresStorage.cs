using Npgsql;

namespace Mvai.BotFramework.State.Postgres;

/// <summary>
/// <see cref="IStorage"/> on PostgreSQL: one row per key, the ETag checked in the UPDATE's WHERE clause. Under
/// READ COMMITTED a concurrent writer waits for the row lock and then re-checks the ETag against the committed row,
/// so of two overlapping turns exactly one wins and the other gets <see cref="StorageConcurrencyException"/>.
/// Its table: <see cref="StateSchema.BotState"/>.
/// </summary>
public sealed class PostgresStorage : IStorage
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _clock;

    public PostgresStorage(PostgresDatabase database, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        // The app's clock, not the server's now(): idle state is purged by the same clock that wrote it.
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }
        await using var command = _database.DataSource.CreateCommand("SELECT key, document, etag FROM bot_state WHERE key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var json = reader.GetString(1);
            result[reader.GetString(0)] = StoreItem.FromJson(json, reader.GetString(2));
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (items.Count == 0)
        {
            return etags;
        }
        await using var connection = await _database.OpenAsync(cancellationToken);
        // Disposing without commit rolls back: a conflict on any key writes nothing of the batch.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, item) in items.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var etag = Guid.NewGuid().ToString("N");
            await using var command = new NpgsqlCommand(item.ETag switch
            {
                "*" => """
                    INSERT INTO bot_state (key, document, etag, updated_at) VALUES (@key, @doc, @etag, @now)
                    ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = excluded.updated_at
                    """,
                null => "INSERT INTO bot_state (key, document, etag, updated_at) VALUES (@key, @doc, @etag, @now) ON CONFLICT (key) DO NOTHING",
                _ => "UPDATE bot_state SET document = @doc, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected",
            }, connection, transaction);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("doc", item.Json);
            command.Parameters.AddWithValue("etag", etag);
            command.Parameters.AddWithValue("expected", item.ETag ?? string.Empty);
            command.Parameters.AddWithValue("now", _clock.GetUtcNow().ToUniversalTime());
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new StorageConcurrencyException(key);
            }
            etags[key] = etag;
        }
        await transaction.CommitAsync(cancellationToken);
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var command = _database.DataSource.CreateCommand("DELETE FROM bot_state WHERE key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("DELETE FROM bot_state WHERE updated_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
