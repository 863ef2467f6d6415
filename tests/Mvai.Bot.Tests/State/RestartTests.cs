using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.State;

public sealed class RestartTests
{
    [Fact]
    public async Task ConversationState_SurvivesAnAppRestart_OnTheSameDatabase()
    {
        string database;
        const string conversationId = "conv-restart";
        await using (var before = await BotTestHost.StartAsync())
        {
            database = before.DatabasePath;
            var greeting = await new Conversation(before, conversationId: conversationId).JoinAsync();
            Assert.Equal(AssistantMessages.Welcome, Assert.Single(greeting).Text);
        }

        await using var after = await BotTestHost.StartAsync(databasePath: database);
        var chat = new Conversation(after, conversationId: conversationId);

        Assert.Empty(await chat.JoinAsync());
        Assert.Equal(AssistantMessages.Fallback, Assert.Single(await chat.SayAsync("still there?")).Text);
    }
}
