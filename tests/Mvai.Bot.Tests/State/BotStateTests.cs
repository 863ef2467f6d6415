using System.Security.Claims;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Postgres;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.State;

/// <summary>Conversation and user state over each storage provider (see the subclasses at the end).</summary>
public abstract class BotStateTests
{
    private CountingStorage? _counting;

    private CountingStorage Storage => _counting ??= new(CreateStorage());

    /// <summary>The storage on this test's empty database.</summary>
    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task ConversationAndUserState_UseTheBotFrameworkKeys()
    {
        var conversation = new ConversationState(Storage);
        var user = new UserState(Storage);
        var turn = NewTurn();

        await conversation.CreateProperty<int>("count").SetAsync(turn, 1);
        await user.CreateProperty<string>("agency").SetAsync(turn, "Springfield PD");
        await conversation.SaveChangesAsync(turn);
        await user.SaveChangesAsync(turn);

        var stored = await Storage.ReadAsync(["test/conversations/conv-1", "test/users/user-1"], default);
        Assert.Equal(1, stored["test/conversations/conv-1"].Document["count"]!.GetValue<int>());
        Assert.Equal("Springfield PD", stored["test/users/user-1"].Document["agency"]!.GetValue<string>());
    }

    [Fact]
    public async Task State_IsWrittenOnlyWhenItChanged()
    {
        var state = new ConversationState(Storage);
        var profile = state.CreateProperty<Profile>("profile");

        var first = NewTurn();
        (await profile.GetAsync(first, () => new Profile()))!.Name = "Ana";
        await state.SaveChangesAsync(first);

        var second = NewTurn();
        Assert.Equal("Ana", (await profile.GetAsync(second))!.Name);
        await state.SaveChangesAsync(second);

        Assert.Equal(1, Storage.Writes);
    }

    [Fact]
    public async Task ATurnChangingOneProperty_KeepsTheOthersAsStored()
    {
        var state = new ConversationState(Storage);
        var first = NewTurn();
        await state.CreateProperty<Profile>("profile").SetAsync(first, new Profile { Name = "Ana \u00e9 <b>" });
        await state.CreateProperty<int[]>("answers").SetAsync(first, [1, 2, 3]);
        await state.CreateProperty<string>("step").SetAsync(first, "AskTitle");
        await state.SaveChangesAsync(first);

        var second = NewTurn();
        await state.CreateProperty<string>("step").SetAsync(second, "AskAgency");
        await state.CreateProperty<int>("count").SetAsync(second, 1);
        await state.SaveChangesAsync(second);

        var document = (await Storage.ReadAsync(["test/conversations/conv-1"], default))["test/conversations/conv-1"].Document;
        Assert.Equal(["profile", "answers", "step", "count"], document.Select(property => property.Key));
        Assert.Equal("Ana \u00e9 <b>", document["profile"]!["name"]!.GetValue<string>());
        Assert.Equal([1, 2, 3], document["answers"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("AskAgency", document["step"]!.GetValue<string>());
        Assert.Equal(1, document["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADeletedProperty_IsGoneFromStorage_AndAClearedScopeIsEmpty()
    {
        var state = new ConversationState(Storage);
        var step = state.CreateProperty<string>("step");
        var count = state.CreateProperty<int>("count");
        var first = NewTurn();
        await step.SetAsync(first, "AskTitle");
        await count.SetAsync(first, 2);
        await state.SaveChangesAsync(first);

        var second = NewTurn();
        Assert.Equal("AskTitle", await step.GetAsync(second));
        await step.DeleteAsync(second);
        Assert.Null(await step.GetAsync(second));
        await state.SaveChangesAsync(second);
        Assert.Null(await step.GetAsync(NewTurn()));
        Assert.Equal(2, await count.GetAsync(NewTurn()));

        var third = NewTurn();
        Assert.Equal(2, await count.GetAsync(third));
        state.ClearState(third);
        Assert.Equal(0, await count.GetAsync(third));
        await state.SaveChangesAsync(third);
        Assert.Empty((await Storage.ReadAsync(["test/conversations/conv-1"], default))["test/conversations/conv-1"].Document);
    }

    [Fact]
    public async Task OverlappingTurns_DoNotSilentlyOverwriteEachOther()
    {
        var state = new ConversationState(Storage);
        var count = state.CreateProperty<int>("count");
        var a = NewTurn();
        var b = NewTurn();
        await count.SetAsync(a, 1);
        await count.SetAsync(b, 2);

        await state.SaveChangesAsync(a);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(b));
    }

    [Fact]
    public async Task Delete_RemovesTheConversationsState()
    {
        var state = new ConversationState(Storage);
        var turn = NewTurn();
        await state.CreateProperty<int>("count").SetAsync(turn, 3);
        await state.SaveChangesAsync(turn);

        await state.DeleteAsync(turn);

        Assert.Equal(0, await state.CreateProperty<int>("count").GetAsync(NewTurn()));
    }

    [Fact]
    public async Task ATurnsConversationAndUserState_AreSavedTogether_OrNotAtAll()
    {
        var conversation = new ConversationState(Storage);
        var user = new UserState(Storage);
        var step = conversation.CreateProperty<string>("step");
        var agency = user.CreateProperty<string>("agency");
        var earlier = NewTurn();
        await step.SetAsync(earlier, "AskTitle");
        await agency.SetAsync(earlier, "Springfield PD");
        await BotState.SaveAllChangesAsync(earlier, [conversation, user]);

        var turn = NewTurn();
        var save = new AutoSaveStateMiddleware(conversation, user).OnTurnAsync(turn, async cancellationToken =>
        {
            await step.SetAsync(turn, "AskAgency", cancellationToken);
            await agency.SetAsync(turn, "Shelbyville PD", cancellationToken);
            // Meanwhile another turn of the same user (another conversation) changes the user's state first.
            var other = NewTurn("conv-2");
            await agency.SetAsync(other, "Capital City PD", cancellationToken);
            await user.SaveChangesAsync(other, cancellationToken: cancellationToken);
        }, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => save);
        var stored = await Storage.ReadAsync(["test/conversations/conv-1", "test/users/user-1"], CancellationToken.None);
        Assert.Equal("AskTitle", stored["test/conversations/conv-1"].Document["step"]!.GetValue<string>());
        Assert.Equal("Capital City PD", stored["test/users/user-1"].Document["agency"]!.GetValue<string>());
    }

    private static TurnContext NewTurn(string conversationId = "conv-1") => new(
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "test",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "user-1" },
        },
        new ClaimsIdentity(),
        new ExpectRepliesConnection());

    private sealed class Profile
    {
        public string? Name { get; set; }
    }

    /// <summary>The real storage, counting writes.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Writes { get; private set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> items, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.WriteAsync(items, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);

        public Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteIdleAsync(cutoff, cancellationToken);
    }
}

public sealed class BotStateOnSqliteTests : BotStateTests
{
    protected override IStorage CreateStorage() => new SqliteStorage($"Data Source={Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db")}").Migrated();
}

public sealed class BotStateOnPostgresTests : BotStateTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    protected override IStorage CreateStorage() => new PostgresStorage(_database.Open().Migrated());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}
