using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

public sealed class DirectLineProactiveTests
{
    [Fact]
    public async Task ContinueConversation_ByTheEmbeddedServiceUrl_LandsInTheConversationsLog()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync();
        var reference = new ConversationReference
        {
            ChannelId = Channels.Directline,
            ServiceUrl = DirectLineChannel.EmbeddedServiceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            User = new ChannelAccount { Id = "user-test" },
            Bot = new ChannelAccount { Id = "mvai-assistant" },
        };

        await host.Services.GetRequiredService<IChannelAdapter>().ContinueConversationAsync(
            reference, (turn, ct) => turn.SendActivityAsync("An advisor will call you shortly.", ct), CancellationToken.None);

        var (_, body) = await client.GetActivitiesAsync(conversationId, token);
        var activity = Assert.Single(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("An advisor will call you shortly.", activity.GetProperty("text").GetString());
        Assert.Equal("bot", activity.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal($"{conversationId}|0000001", activity.GetProperty("id").GetString());
    }
}
