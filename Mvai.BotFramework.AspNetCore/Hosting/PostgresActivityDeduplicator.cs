using Mvai.BotFramework.State.Postgres;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// <see cref="IActivityDeduplicator"/> shared by all instances: one row per activity key. The insert either creates
/// the row, renews one older than the window, or (a retry within the window) changes nothing and reports a duplicate;
/// the row lock decides between two instances receiving the same activity at once.
/// </summary>
internal sealed class PostgresActivityDeduplicator : IActivityDeduplicator
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE seen_activities (key text PRIMARY KEY, seen_at timestamptz NOT NULL);
        CREATE INDEX seen_activities_by_time ON seen_activities (seen_at);
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _window;
    private long _nextSweep;

    public PostgresActivityDeduplicator(PostgresDatabase database, TimeProvider clock, TimeSpan window)
    {
        _database = database;
        _clock = clock;
        _window = window;
        database.Migrate("seen_activities", Migrations);
    }

    public async ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().ToUniversalTime();
        await SweepNowAndThenAsync(now, cancellationToken);
        await using var command = _database.DataSource.CreateCommand("""
            INSERT INTO seen_activities AS s (key, seen_at) VALUES (@key, @now)
            ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE s.seen_at <= @expired
            RETURNING 1
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("expired", now - _window);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Deletes expired keys at most once per window per instance, so the table stays the size of one window.</summary>
    private async Task SweepNowAndThenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + _window).UtcTicks, due) != due)
        {
            return;
        }
        await using var sweep = _database.DataSource.CreateCommand("DELETE FROM seen_activities WHERE seen_at <= @expired");
        sweep.Parameters.AddWithValue("expired", now - _window);
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask ForgetAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("DELETE FROM seen_activities WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
