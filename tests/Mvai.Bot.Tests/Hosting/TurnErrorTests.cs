using Mvai.Bot.Assistant;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task AFailingTurn_ApologisesAndResetsTheConversation_SoTheUserIsNotStuck()
    {
        await using var host = await BotTestHost.StartAsync(configure: builder =>
            builder.Services.AddBotMiddleware(pipeline => pipeline.UseFirst(new FailOnTextMiddleware("boom"))));
        var chat = new Conversation(host);
        Assert.Single(await chat.JoinAsync());

        var failed = await chat.SayAsync("boom");
        var afterwards = await chat.SayAsync("hello again");

        Assert.Equal(HostingMessages.TurnErrorApology, Assert.Single(failed).Text);
        Assert.Equal(AssistantMessages.Fallback, Assert.Single(afterwards).Text);
        Assert.Equal(AssistantMessages.Welcome, Assert.Single(await chat.JoinAsync()).Text);
    }
}
