using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Npgsql;

namespace Mvai.Bot.Tests.ScaleOut;

/// <summary>
/// The deployment caps each instance's PostgreSQL pool to fit the server's connections (manifests/azure): more
/// concurrent turns than pooled connections must queue for one, not fail. With a single pooled connection, a turn that
/// held one connection while it waited for a second, or a listener parked in the pool, would stall every turn.
/// </summary>
public sealed class ConnectionPoolTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task TwentyFourConversationsAtOnce_OnAPoolOfOneConnection_AreAllAnswered()
    {
        var smallPool = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 1, Timeout = 5 }.ConnectionString;
        await using var host = await BotTestHost.StartOnPostgresAsync(smallPool, TestAdvisors.OnDuty());

        var chats = Enumerable.Range(0, 24).Select(_ => new Conversation(host)).ToList();
        await Task.WhenAll(chats.Select(chat => chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName)));
        await Task.WhenAll(chats.Select(chat => chat.ExpectAsync("Chief Dana Reyes", IntakeMessages.AskTitle)));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(DISTINCT conversation_id) FROM transcript_activities", connection);
        Assert.Equal(24L, await count.ExecuteScalarAsync());
    }
}
