using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;
using Npgsql;

namespace Mvai.Bot.Tests.Intake;

/// <summary>The request store's contract, run against every provider (see the subclasses at the end).</summary>
public abstract class RequestStoreContractTests
{
    /// <summary>A store on this test's empty database; a second call is another instance on the same database.</summary>
    private protected abstract IAssistanceRequestStore CreateSut();

    [Fact]
    public async Task Submit_AssignsYearlySequentialReferences_AndStoresEveryAnswer()
    {
        var store = CreateSut();

        var first = await store.SubmitAsync("intake-a", Draft("Springfield PD"), default);
        var second = await store.SubmitAsync("intake-b", Draft("Shelbyville PD"), default);

        var year = DateTimeOffset.UtcNow.Year;
        Assert.Equal($"MVAI-{year}-0001", first.Reference);
        Assert.Equal($"MVAI-{year}-0002", second.Reference);
        var found = await CreateSut().FindAsync(second.Reference, default);
        Assert.NotNull(found);
        Assert.Equal("Shelbyville PD", found.Request.AgencyName);
        Assert.Equal([HelpKind.MediaAndPublicInformation, HelpKind.OfficerWellness], found.Request.HelpNeeded);
        Assert.Equal(new DateOnly(2026, 11, 20), found.Request.IncidentDate);
        Assert.Equal(RequestStatus.New, found.Status);
        Assert.Equal("conv-1", found.ConversationReference.Conversation!.Id);
    }

    [Fact]
    public async Task SubmittingTheSameIntakeTwice_StoresItOnce()
    {
        var store = CreateSut();

        var first = await store.SubmitAsync("intake-a", Draft("Springfield PD"), default);
        var retry = await store.SubmitAsync("intake-a", Draft("Springfield PD"), default);

        Assert.Equal(first.Reference, retry.Reference);
        Assert.Null(await store.FindAsync(ReferenceNumbers.Format(DateTimeOffset.UtcNow.Year, 2), default));
    }

    [Fact]
    public async Task ConcurrentSubmissions_FromTwoStoresOnOneDatabase_GetUniqueReferences()
    {
        var a = CreateSut();
        var b = CreateSut();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? a : b).SubmitAsync($"intake-{i}", Draft($"Agency {i}"), default)));

        Assert.Equal(40, results.Select(r => r.Reference).Distinct().Count());
    }

    [Fact]
    public async Task TheSameIntakeSubmittedToTwoInstancesAtOnce_IsStoredOnce_AndUsesUpOneReference()
    {
        var a = CreateSut();
        var b = CreateSut();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).SubmitAsync("intake-twice", Draft("Springfield PD"), default)));
        var next = await a.SubmitAsync("intake-next", Draft("Shelbyville PD"), default);

        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Equal(ReferenceNumbers.Format(DateTimeOffset.UtcNow.Year, 2), next.Reference);
    }

    [Theory]
    [InlineData("what's the status of MVAI-2026-0042?", "MVAI-2026-0042")]
    [InlineData("status mvai 2026 42", "MVAI-2026-0042")]
    [InlineData("MVAI-2027-12345", "MVAI-2027-12345")]
    [InlineData("no reference here", null)]
    public void References_AreFoundInFreeText(string text, string? expected) => Assert.Equal(expected, ReferenceNumbers.Find(text));

    private protected static StoredAssistanceRequest Draft(string agency) => new()
    {
        Reference = string.Empty,
        Request = new AssistanceRequest
        {
            RequesterName = "Pat Example",
            AgencyName = agency,
            AgencyType = AgencyType.MunicipalPolice,
            IncidentType = IncidentType.Shooting,
            IncidentDate = new DateOnly(2026, 11, 20),
            HelpNeeded = [HelpKind.MediaAndPublicInformation, HelpKind.OfficerWellness],
            Urgency = Urgency.ThisWeek,
            ConsentToShare = true,
        },
        ChannelId = "test",
        ConversationId = "conv-1",
        UserId = "user-1",
        ConversationReference = new ConversationReference { Conversation = new ConversationAccount { Id = "conv-1" }, ChannelId = "test" },
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}

public sealed class SqliteRequestStoreTests : RequestStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override IAssistanceRequestStore CreateSut() =>
        new AssistanceRequestStore(new SqliteStorage($"Data Source={_path}").Migrated(), TimeProvider.System);
}

public sealed class PostgresRequestStoreTests : RequestStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override IAssistanceRequestStore CreateSut() => new AssistanceRequestStore(_database.Open().Migrated(), TimeProvider.System);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task TheSameIntake_QueuedOnTwoInstancesBehindTheSequence_IsStoredOnce_AndTakesBackTheNumberItDrew()
    {
        var a = CreateSut();
        var b = CreateSut();
        var year = DateTimeOffset.UtcNow.Year;
        await a.SubmitAsync("intake-first", Draft("Springfield PD"), default);

        // Another transaction holds the sequence row, so both copies pass the "not stored yet" check and then wait.
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT last FROM request_sequences WHERE year = @year FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("year", year);
            await lockRow.ExecuteScalarAsync();
        }
        var copies = new[] { a, b }.Select(store => store.SubmitAsync("intake-retried", Draft("Shelbyville PD"), default)).ToArray();
        await WaitForLockWaitersAsync(holder, 2);
        await hold.RollbackAsync();

        var stored = await Task.WhenAll(copies);
        var next = await b.SubmitAsync("intake-next", Draft("Capital City PD"), default);

        Assert.Equal([ReferenceNumbers.Format(year, 2)], stored.Select(r => r.Reference).Distinct());
        Assert.Equal(ReferenceNumbers.Format(year, 3), next.Reference);
    }

    [Fact]
    public async Task PastTheFourDigits_TheReferenceGrows_AsReferenceNumbersFormatsIt()
    {
        var store = CreateSut();
        var year = DateTimeOffset.UtcNow.Year;
        await store.SubmitAsync("intake-first", Draft("Springfield PD"), default);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var jump = new NpgsqlCommand("UPDATE request_sequences SET last = 9999", connection);
            await jump.ExecuteNonQueryAsync();
        }

        var stored = await store.SubmitAsync("intake-10000", Draft("Shelbyville PD"), default);

        Assert.Equal(ReferenceNumbers.Format(year, 10000), stored.Reference);
        Assert.Equal(stored.Reference, (await store.FindAsync(stored.Reference, default))?.Reference);
    }

    private static async Task WaitForLockWaitersAsync(NpgsqlConnection observer, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            if ((long)(await waiting.ExecuteScalarAsync())! >= count)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} submissions came to wait for the sequence row.");
    }
}
