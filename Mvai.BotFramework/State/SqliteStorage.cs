using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State.Relational;
using SQLitePCL;

namespace Mvai.BotFramework.State;

/// <summary>
/// The embedded SQLite file as a <see cref="SqlDatabase"/> for every store of the app, and <see cref="IStorage"/> on it:
/// one row per key, ETag column checked in the UPDATE's WHERE clause so a stale writer changes nothing. WAL mode lets
/// readers run beside the writer. Nothing touches the file until the first connection (tables: <see cref="StateSchema"/>,
/// applied at start-up with the other components).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The write gate's SemaphoreSlim holds no wait handle unless AvailableWaitHandle is read, which nothing does.")]
public sealed class SqliteStorage : SqlDatabase, IStorage
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly TimeProvider _clock;

    // WAL mode with NORMAL: a commit survives a crash of the app, not a power loss of the machine (WriteDurablyAsync).
    private const string DefaultSynchronous = "NORMAL";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteGroupCommit _writes;

    // The pool hands the same native connection out again and again; its settings only need applying the first time.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    private readonly string? _folder;
    private int _folderMade;

    public SqliteStorage(string connectionString, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        // "Default Timeout" (seconds, 30 unless the connection string says otherwise) bounds how long a command waits
        // for a lock another connection holds before it fails with SQLITE_BUSY.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        _busyTimeoutMilliseconds = Math.Min(5000, builder.DefaultTimeout * 1000);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            _folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        }
        _connectionString = builder.ToString();
        _writes = new SqliteGroupCommit(this);
    }

    public override SqlEngine Engine => SqlEngine.Sqlite;

    /// <summary>The connection string in use, for other features that keep their tables in the same file.</summary>
    public string ConnectionString => _connectionString;

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var names = keys.Select((key, i) =>
        {
            command.Parameters.AddWithValue($"$k{i}", key);
            return $"$k{i}";
        });
        command.CommandText = $"SELECT key, document, etag FROM bot_state WHERE key IN ({string.Join(',', names)})";
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
        // Every key of the call in one savepoint of a group-committed transaction: all written, or (a conflict on any key)
        // none, exactly as with a transaction of its own.
        return await _writes.WriteAsync(async (connection, transaction) =>
        {
            var now = Timestamp(_clock.GetUtcNow());
            foreach (var (key, item) in items)
            {
                var etag = Guid.NewGuid().ToString("N");
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = item.ETag switch
                {
                    "*" => """
                        INSERT INTO bot_state (key, document, etag, updated_at) VALUES ($key, $doc, $etag, $now)
                        ON CONFLICT(key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = excluded.updated_at
                        """,
                    null => "INSERT INTO bot_state (key, document, etag, updated_at) VALUES ($key, $doc, $etag, $now) ON CONFLICT(key) DO NOTHING",
                    _ => "UPDATE bot_state SET document = $doc, etag = $etag, updated_at = $now WHERE key = $key AND etag = $expected",
                };
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$doc", item.Json);
                command.Parameters.AddWithValue("$etag", etag);
                command.Parameters.AddWithValue("$now", now);
                command.Parameters.AddWithValue("$expected", item.ETag ?? string.Empty);
                if (await command.ExecuteNonQueryAsync(CancellationToken.None) == 0)
                {
                    throw new StorageConcurrencyException(key);
                }
                etags[key] = etag;
            }
            return (IReadOnlyDictionary<string, string>)etags;
        }, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenSqliteWriterAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE updated_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", Timestamp(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a small write in the next group-committed transaction shared with the other writers of this process (see
    /// <see cref="SqliteGroupCommit"/>); completes with its result once committed. A failure undoes this work only.
    /// </summary>
    internal Task<T> WriteBatchedAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.WriteAsync(work, cancellationToken);

    /// <summary>Queued in the group commit (<see cref="WriteBatchedAsync"/>), whose queue keeps the order of the calls.</summary>
    public override Task WriteInOrderAsync(string orderKey, Func<DbConnection, DbTransaction?, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteBatchedAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection (see <see cref="OpenSqliteWriterAsync"/>) with its commits synced
    /// to disk (<c>synchronous = FULL</c>) before they return, for a write the user is told is stored. The app's other
    /// writes stay <c>NORMAL</c>, which survives a crash of the app but not of the machine.
    /// </summary>
    public override async Task<T> WriteDurablyAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenSqliteWriterAsync(cancellationToken);
        await SetSynchronousAsync(connection, "FULL", cancellationToken);
        try
        {
            return await work(connection);
        }
        finally
        {
            // The pool hands this native connection out again: back to the setting every connection has.
            await SetSynchronousAsync(connection, DefaultSynchronous, CancellationToken.None);
        }
    }

    /// <summary>Opens a pooled connection with the settings every operation needs.</summary>
    public SqliteConnection Open() => Configure(new SqliteConnection(_connectionString));

    public override ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(Open());

    public override async ValueTask<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => await OpenSqliteWriterAsync(cancellationToken);

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>WAL mode is kept in the file; it cannot change inside a transaction, so before the migration's.</summary>
    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <c>BEGIN IMMEDIATE</c> takes SQLite's write lock on the file, which other processes wait for (busy timeout):
    /// two instances starting on one file migrate one after the other, the second finding nothing left to do.
    /// </summary>
    protected override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await BeginWriteAsync(connection, cancellationToken);

    /// <summary>
    /// Opens a pooled connection for writing once no other writer of this process holds one; disposing it lets the next in.
    /// SQLite takes one writer at a time, and writers that collide wait in its busy handler, which sleeps in steps of
    /// 1 to 100 ms: at 64 concurrent turns that made p99 latency hundreds of milliseconds. Queueing in memory costs
    /// microseconds. Another process on the same file is still kept out by SQLite's own lock and busy timeout.
    /// </summary>
    public async Task<SqliteConnection> OpenSqliteWriterAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        WriterConnection? connection = null;
        try
        {
            connection = new WriterConnection(_connectionString, _writeGate);
            return Configure(connection);
        }
        catch
        {
            // Once the connection exists it owns the gate and gives it back exactly once, also from its finalizer.
            if (connection is null)
            {
                _writeGate.Release();
            }
            else
            {
                await connection.DisposeAsync();
            }
            throw;
        }
    }

    private SqliteConnection Configure(SqliteConnection connection)
    {
        if (!string.IsNullOrEmpty(_folder) && Interlocked.Exchange(ref _folderMade, 1) == 0)
        {
            Directory.CreateDirectory(_folder);
        }
        connection.Open();
        if (!_configured.TryGetValue(connection.Handle!, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = {DefaultSynchronous};";
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(connection.Handle!, this);
        }
        return connection;
    }

    // One UTC format everywhere, so timestamps compare correctly as text.
    internal static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A connection that gives the write gate back when it is disposed, exactly once.</summary>
    private static async Task SetSynchronousAsync(SqliteConnection connection, string level, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {level}";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriterConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
    {
        private int _released;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
