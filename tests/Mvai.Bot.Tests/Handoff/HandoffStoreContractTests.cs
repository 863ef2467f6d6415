using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>The advisor queue's contract under races between instances, run against every provider.</summary>
public abstract class HandoffStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A store on this test's empty database; a second call is another instance on the same database.</summary>
    private protected abstract IHandoffStore CreateSut();

    [Fact]
    public async Task OpeningOneConversationFromTwoInstancesAtOnce_KeepsOneOpenCase()
    {
        var a = CreateSut();
        var b = CreateSut();

        var opened = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? a : b).OpenAsync(Case($"case-{i}", "conv-1"), [], default)));

        Assert.Single(opened, o => o.Created);
        Assert.Single(opened.Select(o => o.Case.Id).Distinct());
        Assert.Single(await b.ListAsync(null, default));
    }

    [Fact]
    public async Task LinesWrittenAtTwoInstancesAtOnce_AreNumberedOneToN_AfterTheHistory()
    {
        var a = CreateSut();
        var b = CreateSut();
        await a.OpenAsync(Case("case-1", "conv-1"), [new HandoffMessage("case-1", 0, HandoffSender.User, null, "I need help", Now)], default);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).AppendMessageAsync(
            "case-1", i % 2 == 0 ? HandoffSender.User : HandoffSender.Advisor, i % 2 == 0 ? null : "Dana", $"line {i}", Now, default)));

        var lines = await b.GetMessagesAsync("case-1", 0, default);
        Assert.Equal(Enumerable.Range(1, 21).Select(n => (long)n), lines.Select(m => m.Sequence));
        Assert.Equal("I need help", lines[0].Text);
        Assert.Equal(21, lines.Select(m => m.Text).Distinct().Count());
        Assert.Single(await a.GetMessagesAsync("case-1", 20, default));
    }

    [Fact]
    public async Task TwoAdvisorsClaimingAtOnce_OneGetsIt_AndTheTrailShowsWhoAndWhen()
    {
        var a = CreateSut();
        var b = CreateSut();
        await a.OpenAsync(Case("case-1", "conv-1"), [], default);

        var claims = await Task.WhenAll(a.ClaimAsync("case-1", "dana", Now.AddMinutes(1), default), b.ClaimAsync("case-1", "lee", Now.AddMinutes(1), default));
        await b.CloseAsync("case-1", "bot", "done", Now.AddMinutes(5), default);
        var reopened = await a.OpenAsync(Case("case-2", "conv-1"), [], default);

        Assert.Single(claims, claimed => claimed);
        var closed = (await a.GetAsync("case-1", default))!;
        Assert.Equal(HandoffCaseState.Closed, closed.State);
        Assert.Equal(Now.AddMinutes(1), closed.ClaimedAt);
        Assert.Equal(["opened", "claimed", "closed"], (await b.GetAuditAsync("case-1", default)).Select(e => e.Action));
        Assert.True(reopened.Created);
    }

    [Fact]
    public async Task DetailsMergedFromTwoInstances_KeepEveryAnswer_AndTheHighestPriority()
    {
        var a = CreateSut();
        var b = CreateSut();
        await a.OpenAsync(Case("case-1", "conv-1"), [], default);

        await Task.WhenAll(
            a.UpdateDetailsAsync("case-1", [new("Callback", "555-0100")], 3, "bot", Now, default),
            b.UpdateDetailsAsync("case-1", [new("Safe now", "yes")], 7, "bot", Now, default));

        var merged = (await b.GetAsync("case-1", default))!;
        Assert.Equal(["Agency", "Callback", "Safe now"], merged.Details.Select(d => d.Key).Order());
        Assert.Equal(7, merged.BasePriority);
    }

    private static HandoffCase Case(string id, string conversationId) => new()
    {
        Id = id,
        ChannelId = "test",
        ConversationId = conversationId,
        UserId = "user-1",
        UserName = "Pat Example",
        Reason = HandoffReason.UserAsked,
        BasePriority = 1,
        Details = [new("Agency", "Springfield PD")],
        ConversationReference = new ConversationReference { ChannelId = "test", Conversation = new ConversationAccount { Id = conversationId } },
        CreatedAt = Now,
    };
}

public sealed class SqliteHandoffStoreTests : HandoffStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override IHandoffStore CreateSut() => new HandoffStore(new SqliteStorage($"Data Source={_path}").Migrated());
}

public sealed class PostgresHandoffStoreTests : HandoffStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override IHandoffStore CreateSut() => new HandoffStore(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
