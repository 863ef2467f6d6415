using System.Data.Common;
using Dapper;

namespace Mvai.BotFramework.State.Relational;

/// <summary>
/// One database as the stores see it, whatever the engine: stores write their SQL once (both engines take <c>@name</c>
/// parameters, <c>INSERT … ON CONFLICT … DO UPDATE</c> and <c>RETURNING</c>) and run it with Dapper on the connections
/// opened here. What truly differs between SQLite and PostgreSQL lives in the two subclasses and nowhere else: how
/// connections are opened (SQLite: one writer per process), how a write transaction takes its lock, the column types
/// of a migration, row locking, and how migrations are kept to one instance at a time.
/// </summary>
public abstract class SqlDatabase
{
    static SqlDatabase() => SqlTypeHandlers.Register();

    public abstract SqlEngine Engine { get; }

    /// <summary>A pooled connection for reading.</summary>
    public abstract ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>A connection for writing (SQLite: the process's one writer, released when disposed).</summary>
    public abstract ValueTask<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A transaction that holds the write lock from its first statement (SQLite: <c>BEGIN IMMEDIATE</c>, so another
    /// process cannot slip in between a read and the write that depends on it; PostgreSQL: row locks do that).
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// <c>FOR UPDATE SKIP LOCKED</c> where rows can be locked (PostgreSQL), nothing on SQLite, whose write transaction
    /// already holds the whole database.
    /// </summary>
    public string ForUpdateSkipLocked => Engine == SqlEngine.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;

    /// <summary><c>FOR UPDATE</c> on PostgreSQL (the row's lock until commit), nothing on SQLite (see <see cref="BeginWriteAsync"/>).</summary>
    public string ForUpdate => Engine == SqlEngine.Postgres ? "FOR UPDATE" : string.Empty;

    /// <summary>The larger of two values: <c>GREATEST</c> on PostgreSQL, the two-argument <c>MAX</c> on SQLite.</summary>
    public string Greatest(string a, string b) => Engine == SqlEngine.Postgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";

    /// <summary>
    /// An instant as a plain ADO.NET parameter value, for the few hot statements written without Dapper: what the
    /// type handler writes (<c>timestamptz</c>; on SQLite round-trip UTC text).
    /// </summary>
    public object Instant(DateTimeOffset at) => Engine == SqlEngine.Postgres ? at.ToUniversalTime() : SqlTypeHandlers.Text(at);

    /// <summary>Whether a statement failed on a unique key (a row another writer inserted first).</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false,
    };

    /// <summary>
    /// Adds to <paramref name="table"/> those of <paramref name="columns"/> (each "name type", types as in
    /// <see cref="Ddl"/>) it lacks, for a migration that must also adopt tables made before migrations were versioned
    /// (SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>). Returns the names it added.
    /// </summary>
    public async Task<IReadOnlySet<string>> AddMissingColumnsAsync(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(Engine == SqlEngine.Postgres
                ? "SELECT column_name FROM information_schema.columns WHERE table_name = @table AND table_schema = current_schema()"
                : "SELECT name FROM pragma_table_info(@table)", new { table }, transaction)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns.Where(c => !existing.Contains(c.Split(' ')[0])))
        {
            // Table and column names come from the migration, never from input.
            await ExecuteDdlAsync(connection, transaction, Ddl($"ALTER TABLE {table} ADD COLUMN {column}"));
            added.Add(column.Split(' ')[0]);
        }
        return added;
    }

    /// <summary>Rows of <paramref name="sql"/> on a reading connection, mapped by Dapper (columns to properties by name).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Runs one statement on the writer connection; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a writer connection whose commits are on disk before they return, for a write
    /// the user is told is stored (PostgreSQL commits that way already; SQLite syncs these, not its other writes).
    /// </summary>
    public virtual async Task<T> WriteDurablyAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenWriterAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>
    /// Runs a small write whose order matters among the writes of one <paramref name="orderKey"/> (a conversation's
    /// transcript rows): writes of one key are applied in the order of the calls, even when the caller does not await
    /// each before the next. Here each waits for the key's previous write and then runs on a pooled connection with no
    /// transaction (<paramref name="work"/> gets null); SQLite overrides this with its group commit, which applies
    /// queued writes in order, many in one transaction. Completes once written.
    /// </summary>
    public virtual Task WriteInOrderAsync(string orderKey, Func<DbConnection, DbTransaction?, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task write;
        lock (_lastWrite)
        {
            var previous = _lastWrite.GetValueOrDefault(orderKey) ?? Task.CompletedTask;
            write = WriteAfterAsync(previous, work, cancellationToken);
            _lastWrite[orderKey] = write;
        }
        _ = write.ContinueWith(done =>
        {
            lock (_lastWrite)
            {
                if (_lastWrite.TryGetValue(orderKey, out var last) && last == done)
                {
                    _lastWrite.Remove(orderKey);
                }
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return write;
    }

    private readonly Dictionary<string, Task> _lastWrite = new(StringComparer.Ordinal);

    private async Task WriteAfterAsync(Task previous, Func<DbConnection, DbTransaction?, Task> work, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await using var connection = await OpenWriterAsync(cancellationToken);
        await work(connection, null);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (<see cref="BeginWriteAsync"/>) and commits it when the work
    /// says so; returning without commit (<c>Commit: false</c>) or throwing rolls everything back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqlTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var (result, commit) = await work(new SqlTransaction(connection, transaction, cancellationToken));
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// The migration SQL for this engine: <c>{instant}</c> is a point in time (<c>timestamptz</c>; on SQLite round-trip
    /// UTC text, which sorts as time), <c>{identity}</c> an ever-growing integer key, <c>{nocase}</c> a text key that
    /// ignores case where the engine can say so in the column (SQLite).
    /// </summary>
    public string Ddl(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var postgres = Engine == SqlEngine.Postgres;
        return sql
            .Replace("{instant}", postgres ? "timestamptz" : "TEXT", StringComparison.Ordinal)
            .Replace("{identity}", postgres ? "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal)
            .Replace("{nocase}", postgres ? string.Empty : "COLLATE NOCASE", StringComparison.Ordinal);
    }

    /// <summary>
    /// Brings each component's tables up to its last step, in the order given (a component may build on an earlier
    /// one's tables). All of it runs in one transaction that instances take turns at (<see cref="BeginMigrationAsync"/>),
    /// so two starting together apply every step exactly once, and a failed step leaves nothing half-done.
    /// </summary>
    public async Task MigrateAsync(IEnumerable<SchemaComponent> components, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(components);
        await PrepareAsync(cancellationToken);
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = await BeginMigrationAsync(connection, cancellationToken);
        await ExecuteDdlAsync(connection, transaction, Ddl("CREATE TABLE IF NOT EXISTS schema_versions (component text PRIMARY KEY, version integer NOT NULL)"));
        foreach (var component in components)
        {
            var applied = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT version FROM schema_versions WHERE component = @Name", new { component.Name }, transaction,
                cancellationToken: cancellationToken)) ?? 0;
            for (var next = applied; next < component.Steps.Count; next++)
            {
                await component.Steps[next].ApplyAsync(this, connection, transaction);
            }
            if (component.Steps.Count > applied)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO schema_versions (component, version) VALUES (@Name, @Version)
                    ON CONFLICT (component) DO UPDATE SET version = excluded.version
                    """, new { component.Name, Version = component.Steps.Count }, transaction, cancellationToken: cancellationToken));
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Settings kept in the database itself, made before the migration transaction (SQLite: WAL mode).</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The migration transaction, begun under a lock that one instance at a time holds until it commits.</summary>
    protected abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs migration SQL (several statements at once) in the migration transaction.</summary>
    public static async Task ExecuteDdlAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
