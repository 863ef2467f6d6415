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

    [Fact]
    public async Task AnOutboxFromBeforeMigrations_KeepsItsDeliveries_WithTheirInstantsReadAsTime()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var created = DateTimeOffset.Parse("2025-05-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture);
        await using (var old = new SqliteConnection($"Data Source={_path}"))
        {
            // What SqliteAlertOutboxStore created in its constructor: instants as Unix milliseconds.
            await old.ExecuteAsync("""
                CREATE TABLE advisor_alerts (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, document TEXT NOT NULL, created_at INTEGER NOT NULL);
                CREATE TABLE alert_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, alert_id TEXT NOT NULL REFERENCES advisor_alerts(id), case_id TEXT NOT NULL,
                    channel TEXT NOT NULL, recipient TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
                    locked_until INTEGER, lock_owner TEXT, sent_at INTEGER, last_error TEXT);
                INSERT INTO advisor_alerts VALUES ('a-1', 'H-1', @document, @ms);
                INSERT INTO alert_outbox (alert_id, case_id, channel, recipient, attempts, next_attempt_at, sent_at)
                    VALUES ('a-1', 'H-1', 'Email', 'duty@mvai.example', 1, @ms, @ms), ('a-1', 'H-1', 'Webhook', '', 1, @next, NULL);
                """, new
            {
                document = System.Text.Json.JsonSerializer.Serialize(Handoff.AlertTestSettings.Alert("H-1")),
                ms = created.ToUnixTimeMilliseconds(),
                next = created.AddMinutes(5).ToUnixTimeMilliseconds(),
            });
        }
        var database = new SqliteStorage($"Data Source={_path}");

        await database.MigrateAsync(TestSchemas.All, default);

        var outbox = new Mvai.Bot.Handoff.Alerts.AlertOutboxStore(database);
        var statuses = await outbox.ListForCaseAsync("H-1", default);
        Assert.Equal([created, null], statuses.Select(s => s.SentAt));
        Assert.Equal([created, created.AddMinutes(5)], statuses.Select(s => s.NextAttemptAt));
        Assert.Empty(await outbox.ClaimDueAsync("me", created.AddMinutes(5).AddTicks(-1), TimeSpan.FromMinutes(1), 10, default));
        var retry = Assert.Single(await outbox.ClaimDueAsync("me", created.AddMinutes(5), TimeSpan.FromMinutes(1), 10, default));
        Assert.Equal(("Webhook", 2, "H-1"), (retry.Channel, retry.Attempt, retry.Alert.CaseId));
        Assert.Equal(0, await outbox.PurgeBeforeAsync(created, default));
        Assert.Equal(2, await outbox.PurgeBeforeAsync(created.AddTicks(1), default));
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
            _ = new Mvai.Bot.Handoff.Alerts.AlertOutboxStore(database);
            _ = new Mvai.Bot.Answering.Feedback.AnswerRecordStore(database);
            _ = new BotFramework.DirectLine.SigningKeyStore(database);
            _ = new BotFramework.Transcripts.TranscriptStore(database, TimeProvider.System);
            _ = new BotFramework.Hosting.SharedActivityDeduplicator(database, TimeProvider.System, TimeSpan.FromMinutes(10));
            _ = new Mvai.Bot.Handoff.Console.DatabaseXmlRepository(database, TimeProvider.System);
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
