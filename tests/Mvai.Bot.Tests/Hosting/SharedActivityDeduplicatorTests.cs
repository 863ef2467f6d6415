using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State.Relational;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>The deduplicator instances share through their database, run against every engine (see the subclasses at the end).</summary>
public abstract class SharedActivityDeduplicatorTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new() { Now = DateTimeOffset.Parse("2026-11-24T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Another instance on this test's database.</summary>
    private SqlDatabase OpenDatabase() => Storage.OpenBackend().Database;

    [Fact]
    public async Task ARetryAtAnotherInstance_IsADuplicateForTheWindow_ThenNewAgain_AndAForgottenKeyIsNewAtOnce()
    {
        var a = new SharedActivityDeduplicator(OpenDatabase(), _clock, Window);
        var b = new SharedActivityDeduplicator(OpenDatabase(), _clock, Window);
        Assert.True(await a.TryRegisterAsync("msteams/conv-1/act-1", default));

        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.False(await b.TryRegisterAsync("msteams/conv-1/act-1", default));
        Assert.True(await b.TryRegisterAsync("msteams/conv-1/act-2", default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await b.TryRegisterAsync("msteams/conv-1/act-1", default));

        await a.ForgetAsync("msteams/conv-1/act-2", default);
        Assert.True(await a.TryRegisterAsync("msteams/conv-1/act-2", default));
    }

    [Fact]
    public async Task TheSameActivityAtTwoInstancesAtOnce_IsNewAtExactlyOne()
    {
        var instances = new[] { new SharedActivityDeduplicator(OpenDatabase(), _clock, Window), new SharedActivityDeduplicator(OpenDatabase(), _clock, Window) };

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => instances[i % 2].TryRegisterAsync("msteams/conv-1/act-9", default).AsTask()));

        Assert.Single(results, registered => registered);
    }
}

public sealed class SharedActivityDeduplicatorTestsOnSqlite : SharedActivityDeduplicatorTests<SqliteTestStorage>;

public sealed class SharedActivityDeduplicatorTestsOnPostgres : SharedActivityDeduplicatorTests<PostgresTestStorage>;
