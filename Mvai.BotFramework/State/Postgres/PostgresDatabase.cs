using Npgsql;

namespace Mvai.BotFramework.State.Postgres;

/// <summary>
/// The one PostgreSQL connection pool every store of the app shares, and the schema migrations they bring.
/// Each feature owns its tables and registers its migrations under its own component name.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>Any constant: every instance takes the same advisory lock while it migrates.</summary>
    private const long MigrationLockKey = 0x4D564149_5343484D; // "MVAISCHM"

    private readonly string _dedicatedConnectionString;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // No DISCARD ALL when a connection goes back to the pool: the app leaves no session state behind (no SET, no
        // temporary tables, no prepared statements, only transaction-scoped advisory locks; an open transaction is
        // rolled back on close either way), and a turn opens the pool several times. The load benchmark at 64
        // conversations: 2,234 instead of 1,769 intake turns/s. LISTEN is session state: it gets a connection of its own.
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        DataSource = NpgsqlDataSource.Create(pooled);
        _dedicatedConnectionString = new NpgsqlConnectionStringBuilder(pooled.ConnectionString) { Pooling = false }.ConnectionString;
    }

    public NpgsqlDataSource DataSource { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection outside the pool, closed for good when disposed: for session state such as <c>LISTEN</c>, which
    /// pooled connections (never reset) would otherwise carry to their next user.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_dedicatedConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
