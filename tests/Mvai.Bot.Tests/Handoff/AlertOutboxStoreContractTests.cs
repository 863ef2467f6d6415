using System.Globalization;
using Mvai.BotFramework.State;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>The outbox's leasing contract, run against every provider (see the subclasses at the end).</summary>
public abstract class AlertOutboxStoreContractTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-24T03:00:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);
    /// <summary>A store on this test's empty database; a second call is another instance on the same database.</summary>
    private protected abstract IAlertOutboxStore CreateSut();

    private static Task AddAsync(IAlertOutboxStore store, string caseId, int recipients) =>
        store.AddAsync(
            Guid.NewGuid().ToString("N"),
            AlertTestSettings.Alert(caseId),
            [.. Enumerable.Range(0, recipients).Select(i => new NewAlertDelivery(AlertChannels.Email, $"advisor{i}@mvai.example"))],
            Now,
            default);

    [Fact]
    public async Task TwoInstancesClaimingAtOnce_NeverGetTheSameDelivery()
    {
        var a = CreateSut();
        var b = CreateSut();
        await AddAsync(a, "H-3001", 30);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).ClaimDueAsync($"instance-{i}", Now, Lease, 5, default)));

        var ids = claims.SelectMany(batch => batch.Select(d => d.Id)).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
        Assert.All(claims.SelectMany(batch => batch), d => Assert.Equal(1, d.Attempt));
    }

    [Fact]
    public async Task ALeasedDelivery_IsClaimableAgainOnlyAfterItsLeaseExpires_AsTheNextAttempt()
    {
        var store = CreateSut();
        await AddAsync(store, "H-3002", 1);

        var first = Assert.Single(await store.ClaimDueAsync("crashed-instance", Now, Lease, 10, default));
        Assert.Empty(await store.ClaimDueAsync("other", Now + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, default));
        var again = Assert.Single(await store.ClaimDueAsync("other", Now + Lease, Lease, 10, default));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempt);
        Assert.Equal("H-3002", again.Alert.CaseId);
        Assert.Equal(new KeyValuePair<string, string>("Callback", "555-0100 after 7 AM"), again.Alert.Details[2]);
    }

    [Fact]
    public async Task AFailedDelivery_WaitsForItsNextAttempt_AndASentOneIsNeverClaimedAgain()
    {
        var store = CreateSut();
        await AddAsync(store, "H-3003", 2);
        var claimed = await store.ClaimDueAsync("me", Now, Lease, 10, default);

        await store.MarkFailedAsync(claimed[0].Id, "me", Now + TimeSpan.FromMinutes(1), "SMTP 451 TransactionFailed", default);
        await store.MarkSentAsync(claimed[1].Id, Now, default);

        Assert.Empty(await store.ClaimDueAsync("me", Now + TimeSpan.FromSeconds(59), Lease, 10, default));
        var retry = Assert.Single(await store.ClaimDueAsync("me", Now + TimeSpan.FromMinutes(1), Lease, 10, default));
        Assert.Equal(claimed[0].Id, retry.Id);
        var statuses = await store.ListForCaseAsync("H-3003", default);
        Assert.Equal("SMTP 451 TransactionFailed", statuses[0].LastError);
        Assert.Equal(Now, statuses[1].SentAt);
    }

    [Fact]
    public async Task AFailureReportedAfterTheLeaseWasTakenOver_DoesNotRescheduleTheNewOwnersAttempt()
    {
        var store = CreateSut();
        await AddAsync(store, "H-3004", 1);
        var stale = Assert.Single(await store.ClaimDueAsync("slow", Now, Lease, 10, default));
        Assert.Single(await store.ClaimDueAsync("fast", Now + Lease, Lease, 10, default));

        await store.MarkFailedAsync(stale.Id, "slow", Now + TimeSpan.FromHours(1), "Timed out", default);

        var status = Assert.Single(await store.ListForCaseAsync("H-3004", default));
        Assert.Null(status.LastError);
        Assert.Equal(Now, status.NextAttemptAt);
    }
}

public sealed class SqliteAlertOutboxStoreTests : AlertOutboxStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override IAlertOutboxStore CreateSut() => new AlertOutboxStore(new SqliteStorage($"Data Source={_path}").Migrated());
}

public sealed class PostgresAlertOutboxStoreTests : AlertOutboxStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override IAlertOutboxStore CreateSut() => new AlertOutboxStore(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
