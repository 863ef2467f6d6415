using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Connector;

/// <summary>With normal delivery the bot answers through the channel's Connector REST API.</summary>
public sealed class ConnectorReplyTests : IAsyncLifetime
{
    // Teams conversation ids carry ':', ';' and '@', which must be escaped in the URL path.
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1700000000";

    private BotTestHost _host = null!;
    private ChannelConnectorServer _channel = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync();
        _channel = await ChannelConnectorServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Message_IsAnsweredWithAReplyPost_ToTheEscapedConversationPath()
    {
        using var response = await _host.PostActivityAsync(Message("act-1", "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(await _channel.WaitForRequestsAsync(1));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(TeamsConversationId)}/activities/act-1", request.Path);
        var reply = JsonNode.Parse(request.Body)!;
        Assert.Equal(AssistantMessages.Fallback, reply["text"]!.GetValue<string>());
        Assert.Equal("act-1", reply["replyToId"]!.GetValue<string>());
        Assert.Equal("28:bot", reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal(string.Empty, request.Authorization);
    }

    [Fact]
    public async Task ChannelAnswering202WithEmptyBody_IsASuccess()
    {
        _channel.AnswerAcceptedWithoutBody = true;
        var client = _host.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(_channel.ServiceUrl, Message("act-2", "card reply"), CancellationToken.None);

        Assert.Null(result.Id);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task ChannelAnswering201_ReturnsTheNewActivityId()
    {
        var client = _host.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(_channel.ServiceUrl, Message("act-3", "text reply"), CancellationToken.None);

        Assert.Equal("reply-1", result.Id);
    }

    [Fact]
    public async Task RetriedActivity_SendsOnlyOneReply()
    {
        using var first = await _host.PostActivityAsync(Message("act-4", "hello"));
        using var retry = await _host.PostActivityAsync(Message("act-4", "hello"));
        await Task.Delay(200);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(await _channel.WaitForRequestsAsync(1));
    }

    private Activity Message(string id, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = text,
        ChannelId = Channels.Msteams,
        ServiceUrl = _channel.ServiceUrl,
        Conversation = new ConversationAccount { Id = TeamsConversationId, ConversationType = "channel", IsGroup = true },
        From = new ChannelAccount { Id = "29:user", Name = "Chief" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "MVAI Assistant" },
    };
}
