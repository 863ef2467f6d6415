using Mvai.BotFramework.State.Postgres;
using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.State;

/// <summary>
/// The database chosen by <c>Storage:Provider</c>, registered once. Every feature builds its store for it with
/// <see cref="Select{T}"/>, so adding a provider is a compile error in each place that must support it, not a
/// cast that fails at run time.
/// </summary>
public sealed class StorageBackend
{
    private readonly SqliteStorage? _sqlite;
    private readonly PostgresDatabase? _postgres;

    private StorageBackend(SqliteStorage? sqlite, PostgresDatabase? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public static StorageBackend Sqlite(SqliteStorage storage) => new(storage ?? throw new ArgumentNullException(nameof(storage)), null);

    public static StorageBackend Postgres(PostgresDatabase database) => new(null, database ?? throw new ArgumentNullException(nameof(database)));

    /// <summary>The database whichever the engine, for stores written once over <see cref="SqlDatabase"/>.</summary>
    public SqlDatabase Database => (SqlDatabase?)_postgres ?? _sqlite!;

    public T Select<T>(Func<SqliteStorage, T> sqlite, Func<PostgresDatabase, T> postgres)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        ArgumentNullException.ThrowIfNull(postgres);
        return _postgres is not null ? postgres(_postgres) : sqlite(_sqlite!);
    }
}
