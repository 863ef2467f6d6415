using Npgsql;

namespace Mvai.Bot.BotFramework.State.Postgres;

/// <summary>
/// The one PostgreSQL connection pool every store of the app shares, and the schema migrations they bring.
/// Each feature owns its tables and registers its migrations under its own component name.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>Any constant: every instance takes the same advisory lock while it migrates.</summary>
    private const long MigrationLockKey = 0x4D564149_5343484D; // "MVAISCHM"

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Brings <paramref name="component"/>'s tables up to the last of <paramref name="migrations"/> (applied in order,
    /// each once). Safe when several instances start at once: they take turns under an advisory lock, and DDL is
    /// transactional, so a migration is applied completely or not at all.
    /// </summary>
    public void Migrate(string component, IReadOnlyList<string> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(migrations);
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLockKey));
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_versions (component text PRIMARY KEY, version integer NOT NULL)");
        using var read = new NpgsqlCommand("SELECT version FROM schema_versions WHERE component = @component", connection, transaction);
        read.Parameters.AddWithValue("component", component);
        var applied = read.ExecuteScalar() is int version ? version : 0;
        for (var next = applied; next < migrations.Count; next++)
        {
            Execute(connection, transaction, migrations[next]);
        }
        if (migrations.Count > applied)
        {
            Execute(connection, transaction, """
                INSERT INTO schema_versions (component, version) VALUES (@component, @version)
                ON CONFLICT (component) DO UPDATE SET version = excluded.version
                """, ("component", component), ("version", migrations.Count));
        }
        transaction.Commit();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
