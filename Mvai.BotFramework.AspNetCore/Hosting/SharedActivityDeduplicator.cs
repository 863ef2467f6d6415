using System.Data.Common;
using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// <see cref="IActivityDeduplicator"/> shared by all instances of one database (used on PostgreSQL; one SQLite
/// instance keeps the in-memory <see cref="ActivityDeduplicator"/>): one row per activity key. The insert either
/// creates the row, renews one older than the window, or (a retry within the window) changes nothing and reports a
/// duplicate; the row lock decides between two instances receiving the same activity at once.
/// </summary>
internal sealed class SharedActivityDeduplicator(SqlDatabase database, TimeProvider clock, TimeSpan window) : IActivityDeduplicator
{
    public static SchemaComponent Schema { get; } = new("seen_activities",
    [
        """
        CREATE TABLE IF NOT EXISTS seen_activities (key text PRIMARY KEY, seen_at {instant} NOT NULL);
        CREATE INDEX IF NOT EXISTS seen_activities_by_time ON seen_activities (seen_at);
        """,
    ]);

    private long _nextSweep;

    // Once a turn: plain ADO.NET with the SQL written once, as the transcript insert (Dapper cost more there).
    public async ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await SweepNowAndThenAsync(now, cancellationToken);
        await using var connection = await database.OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO seen_activities AS s (key, seen_at) VALUES (@key, @now)
            ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE s.seen_at <= @expired
            RETURNING 1
            """, ("key", key), ("now", database.Instant(now)), ("expired", database.Instant(now - window)));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Deletes expired keys at most once per window per instance, so the table stays the size of one window.</summary>
    private async Task SweepNowAndThenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + window).UtcTicks, due) != due)
        {
            return;
        }
        await database.ExecuteAsync("DELETE FROM seen_activities WHERE seen_at <= @expired", new { expired = now - window }, cancellationToken);
    }

    public async ValueTask ForgetAsync(string key, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM seen_activities WHERE key = @key", new { key }, cancellationToken);

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
