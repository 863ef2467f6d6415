using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.State;

public abstract class RestartTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    [Fact]
    public async Task ConversationState_SurvivesAnAppRestart_OnTheSameDatabase()
    {
        const string conversationId = "conv-restart";
        await using (var before = await Storage.StartHostAsync())
        {
            var greeting = await new Conversation(before, conversationId: conversationId).JoinAsync();
            Assert.Equal(AssistantMessages.Welcome, Assert.Single(greeting).Text);
        }

        await using var after = await Storage.StartHostAsync();
        var chat = new Conversation(after, conversationId: conversationId);

        Assert.Empty(await chat.JoinAsync());
        Assert.Equal(AssistantMessages.Fallback, Assert.Single(await chat.SayAsync("still there?")).Text);
    }
}

public sealed class RestartTestsOnSqlite : RestartTests<SqliteTestStorage>;

public sealed class RestartTestsOnPostgres : RestartTests<PostgresTestStorage>;
