using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

public sealed class PipeSmokeTests
{
    [Fact]
    public async Task NewConversation_IsGreetedOnce_ThenMessagesGetAReply()
    {
        await using var host = await BotTestHost.StartAsync();
        var chat = new Conversation(host);

        var greeting = await chat.JoinAsync();
        Assert.Equal(AssistantMessages.Welcome, Assert.Single(greeting).Text);

        Assert.Empty(await chat.JoinAsync());

        var reply = await chat.SayAsync("hello there");
        Assert.Equal(AssistantMessages.Fallback, Assert.Single(reply).Text);
    }
}
