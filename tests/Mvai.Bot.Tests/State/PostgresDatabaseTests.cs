using Mvai.Bot.Tests.Infrastructure;
using Npgsql;

namespace Mvai.Bot.Tests.State;

/// <summary>The shared PostgreSQL pool: connections come back without a reset, and session state lives outside it.</summary>
public sealed class PostgresDatabaseTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task APooledConnection_IsHandedOutAgain_WithoutAReset()
    {
        var database = _database.Open();
        int firstBackend;
        await using (var first = await database.OpenAsync(default))
        {
            firstBackend = await ScalarAsync<int>(first, "SELECT pg_backend_pid()");
            await ScalarAsync<string>(first, "SELECT set_config('application_name', 'left-behind', false)");
        }

        await using var again = await database.OpenAsync(default);

        // Same server process, and what the last user set is still there: no DISCARD ALL round trip in between.
        Assert.Equal(firstBackend, await ScalarAsync<int>(again, "SELECT pg_backend_pid()"));
        Assert.Equal("left-behind", await ScalarAsync<string>(again, "SELECT current_setting('application_name')"));
    }

    [Fact]
    public async Task ADedicatedConnection_EndsItsSessionWhenDisposed_SoItsListenNeverReachesThePool()
    {
        var database = _database.Open();
        int listener;
        await using (var dedicated = await database.OpenDedicatedAsync(default))
        {
            listener = await ScalarAsync<int>(dedicated, "SELECT pg_backend_pid()");
            await ScalarAsync<object>(dedicated, "LISTEN mvai_test_channel");
        }

        await using var pooled = await database.OpenAsync(default);
        Assert.NotEqual(listener, await ScalarAsync<int>(pooled, "SELECT pg_backend_pid()"));
        Assert.Equal(0L, await ScalarAsync<long>(pooled, "SELECT count(*) FROM pg_listening_channels()"));
        var gone = false;
        for (var attempt = 0; attempt < 50 && !gone; attempt++)
        {
            gone = await ScalarAsync<long>(pooled, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {listener}") == 0;
            if (!gone)
            {
                await Task.Delay(100);
            }
        }
        Assert.True(gone, "The dedicated connection's server process is still running after dispose.");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
