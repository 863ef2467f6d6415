using System.Xml.Linq;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>The console's Data Protection key store, run against every engine (see the subclasses at the end).</summary>
public abstract class DatabaseXmlRepositoryTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private readonly ManualClock _clock = new();

    /// <summary>Another instance on this test's database.</summary>
    private SqlDatabase OpenDatabase() => Storage.OpenBackend().Database;

    [Fact]
    public void KeysStoredByOneInstance_AreReadByAnother_OldestFirst_AndAKeyIsNeverReplaced()
    {
        var a = new DatabaseXmlRepository(OpenDatabase(), _clock);
        var b = new DatabaseXmlRepository(OpenDatabase(), _clock);

        a.StoreElement(new XElement("key", new XAttribute("id", "k-2")), "key-k2");
        _clock.Advance(TimeSpan.FromDays(90));
        b.StoreElement(new XElement("key", new XAttribute("id", "k-1")), "key-k1");
        b.StoreElement(new XElement("key", new XAttribute("id", "replaced?")), "key-k2");

        Assert.Equal(["k-2", "k-1"], b.GetAllElements().Select(e => (string)e.Attribute("id")!));
        Assert.Equal(2, a.GetAllElements().Count);
    }
}

public sealed class DatabaseXmlRepositoryTestsOnSqlite : DatabaseXmlRepositoryTests<SqliteTestStorage>;

public sealed class DatabaseXmlRepositoryTestsOnPostgres : DatabaseXmlRepositoryTests<PostgresTestStorage>;
