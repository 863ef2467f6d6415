using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

/// <summary>The Direct Line log and signing key store shared by instances, run against every provider.</summary>
public abstract class ActivityLogContractTests
{
    /// <summary>A log on this test's empty database; a second call is another instance on the same database.</summary>
    private protected abstract IActivityLog CreateLog();

    private protected abstract ISigningKeyStore CreateKeyStore();

    [Fact]
    public async Task AppendsAtTwoInstancesAtOnce_GetConsecutiveWatermarks_AndReadBackInOrder()
    {
        var a = CreateLog();
        var b = CreateLog();
        await a.CreateConversationAsync("conv-1", default);

        var sequences = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? a : b).AppendAsync("conv-1", new Activity { Type = ActivityTypes.Message, Text = $"line {i}" }, default)));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), sequences.Order());
        var firstPage = await b.ReadAsync("conv-1", 0, 15, default);
        var rest = await a.ReadAsync("conv-1", firstPage.Watermark, 15, default);
        Assert.Equal(15, firstPage.Watermark);
        Assert.Equal("conv-1|0000016", rest.Activities[0].Id);
        Assert.Equal(20, firstPage.Activities.Concat(rest.Activities).Select(x => x.Text).Distinct().Count());
        Assert.Equal(20, rest.Watermark);
    }

    [Fact]
    public async Task AConversationStartedAtOneInstance_ExistsAtTheOther()
    {
        await CreateLog().CreateConversationAsync("conv-1", default);

        Assert.True(await CreateLog().ConversationExistsAsync("conv-1", default));
        Assert.False(await CreateLog().ConversationExistsAsync("conv-2", default));
    }

    [Fact]
    public async Task TwoInstances_AgreeOnTheGeneratedSigningKey()
    {
        CreateLog();
        var keys = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CreateKeyStore().GetOrCreate())));

        Assert.Equal(64, keys[0].Length);
        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }
}

public sealed class SqliteActivityLogTests : ActivityLogContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");

    private protected override IActivityLog CreateLog() => new SqliteActivityLog(new SqliteStorage($"Data Source={_path}").Migrated(), TimeProvider.System);

    private protected override ISigningKeyStore CreateKeyStore() => new SigningKeyStore(new SqliteStorage($"Data Source={_path}").Migrated());
}

public sealed class PostgresActivityLogTests : ActivityLogContractTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    private protected override IActivityLog CreateLog() => new PostgresActivityLog(_database.Open().Migrated(), TimeProvider.System);

    private protected override ISigningKeyStore CreateKeyStore() => new SigningKeyStore(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
