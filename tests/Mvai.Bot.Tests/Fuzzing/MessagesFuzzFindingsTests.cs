using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>Inputs the fuzzer found that broke <c>/api/messages</c>, kept as plain regression tests.</summary>
public sealed class MessagesFuzzFindingsTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"type":"message","text":"hi","conversation":{"id":"c1"},"from":{"id":"u1"}}""")]
    [InlineData("""{"type":"message","text":"hi","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"not a url"}""")]
    [InlineData("""{"type":"message","text":"hi","conversation":{"id":"c1"},"from":{"id":"u1"},"serviceUrl":"javascript:alert(1)"}""")]
    public async Task ActivityWithoutAUsableServiceUrl_Gets400_NotA500(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingServiceUrl", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","from":{"id":"u1"},"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"message","text":"hi","conversation":{"id":" "},"from":{"id":"u1"},"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"event","name":"webchat/join","conversation":{},"from":{"id":"u1"},"deliveryMode":"expectReplies"}""")]
    public async Task ActivityWithoutAConversationId_Gets400_InsteadOfAFailedTurn(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingConversation", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","value":{"a":"\uDC00"}}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"x":"\uD83D\u0001"}}""")]
    [InlineData("""{"type":"message","text":"hi","attachments":[{"contentType":"text/plain","content":"\uD800"}]}""")]
    [InlineData("""{"type":"message","text":"hi","entities":[{"type":"mention","\uDBFF":1}]}""")]
    [InlineData("""{"type":"message","text":"\uD800"}""")]
    public async Task LoneSurrogateEscapes_Get400_InsteadOfFailingTheTurnWhenStateIsSaved(string fields)
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(configure: builder => builder.Logging.AddProvider(logs));
        var chat = new Conversation(host);
        var activity = JsonNode.Parse(ProtocolJson.Serialize(chat.NewActivity("message")))!.AsObject();
        activity["deliveryMode"] = "expectReplies";
        var body = activity.ToJsonString()[..^1] + "," + fields[1..];

        using var response = await host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unpaired surrogate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PairedSurrogateEscapes_AreOrdinaryText()
    {
        var chat = new Conversation(_host);
        var activity = chat.NewActivity("message");
        activity.DeliveryMode = "expectReplies";
        var body = ProtocolJson.Serialize(activity)[..^1] + ",\"text\":\"help \\uD83D\\uDC6E\"}";

        using var response = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        _host.Client.PostAsync("api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>();
}
