using Dapper;
using Microsoft.Data.Sqlite;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Privacy;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Tests.State;

/// <summary>
/// SQLite files from before versioned migrations (tables made by CREATE TABLE IF NOT EXISTS when a store was built)
/// are adopted without losing a row; stores touch nothing until the app starts; the app applies what tests apply.
/// </summary>
public sealed class SchemaAdoptionTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}", "app.db");

    [Fact]
    public async Task AFileFromBeforeTheDesk_IsAdopted_ItsRequestKept_AlertedAtSubmission_AndOldStatusesRenamed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using (var old = new SqliteConnection($"Data Source={_path}"))
        {
            // What SqliteStorage and SqliteAssistanceRequestStore created in their constructors before the desk.
            await old.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, document TEXT NOT NULL, etag TEXT NOT NULL, updated_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS request_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS assistance_requests (
                    reference TEXT PRIMARY KEY, submission_id TEXT NOT NULL UNIQUE, channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
                    user_id TEXT NOT NULL, status TEXT NOT NULL, document TEXT NOT NULL, submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                INSERT INTO request_sequences VALUES (2025, 7);
                INSERT INTO assistance_requests VALUES ('MVAI-2025-0007', 's-7', 'webchat', 'c-7', 'u-7', 'Acknowledged', @document,
                    '2025-05-01T10:00:00.0000000+00:00', '2025-05-01T10:00:00.0000000+00:00');
                INSERT INTO bot_state VALUES ('k', '{}', 'e', '2025-05-01T10:00:00.0000000+00:00');
                """, new { document = System.Text.Json.JsonSerializer.Serialize(OldRequest, RequestJson.Options) });
        }
        var database = new SqliteStorage($"Data Source={_path}");

        await database.MigrateAsync(TestSchemas.All, default);

        var request = await new RequestDeskStore(database).GetAsync("MVAI-2025-0007", default);
        Assert.NotNull(request);
        Assert.Equal(RequestStatus.InReview, request.Stored.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), request.Progress.AlertedAt);
        Assert.Equal(0, request.Progress.Version);
        Assert.Single((await database.ReadAsync(["k"], default)).Keys);
        await using var connection = database.Open();
        Assert.Equal(7L, await connection.ExecuteScalarAsync<long>("SELECT last FROM request_sequences WHERE year = 2025"));
        Assert.Equal(TestSchemas.All.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions"));
    }

    private static StoredAssistanceRequest OldRequest => new()
    {
        Reference = "MVAI-2025-0007",
        Request = new AssistanceRequest { RequesterName = "Pat Example", AgencyName = "Springfield PD", ConsentToShare = true },
        ChannelId = "webchat",
        ConversationId = "c-7",
        UserId = "u-7",
        ConversationReference = new BotFramework.Protocol.ConversationReference
        {
            Conversation = new BotFramework.Protocol.ConversationAccount { Id = "c-7" }, ChannelId = "webchat",
        },
        SubmittedAt = DateTimeOffset.Parse("2025-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void BuildingTheStores_TouchesNoDatabase()
    {
        var sqlite = new SqliteStorage($"Data Source={_path}");
        // Nothing listens on port 1: any connection attempt would fail.
        var postgres = new BotFramework.State.Postgres.PostgresDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1");

        foreach (SqlDatabase database in new SqlDatabase[] { sqlite, postgres })
        {
            _ = new AssistanceRequestStore(database, TimeProvider.System);
            _ = new RequestDeskStore(database);
            _ = new PeerAdvisorStore(database);
            _ = new DataAuditStore(database);
        }
        _ = new BotFramework.State.Postgres.PostgresStorage(postgres);

        Assert.False(Directory.Exists(Path.GetDirectoryName(_path)));
    }

    [Fact]
    public async Task TheApp_RegistersTheComponentsTestsApply_InTheSameOrder()
    {
        await using var host = await BotTestHost.StartAsync();

        Assert.Equal(TestSchemas.All.Select(c => c.Name), host.Services.GetServices<SchemaComponent>().Select(c => c.Name));
    }
}
