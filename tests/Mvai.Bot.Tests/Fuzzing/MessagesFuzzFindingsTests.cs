using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>Inputs the fuzzer found that broke <c>/api/messages</c>, kept as plain regression tests.</summary>
public sealed class MessagesFuzzFindingsTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(configure: builder => builder.Logging.AddProvider(_logs));

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
    [InlineData("""{"type":"message","text":"hi","conversation":{"id":"c1"},"from":{"id":"u1"},"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"message","text":"hi","channelId":" ","conversation":{"id":"c1"},"from":{"id":"u1"},"deliveryMode":"expectReplies"}""")]
    public async Task ActivityWithoutAChannelId_Gets400_InsteadOfAFailedTurn(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingChannelId", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("{\"id\":\"c1\\u0000\"}", null, "BadConversationId")]
    [InlineData("{\"id\":\"c1\"}", "\"a1\\u0000\"", "BadActivityId")]
    [InlineData("{\"id\":\"c1\"}", "\"a1\\n\"", "BadActivityId")]
    [InlineData("HUGE", null, "BadConversationId")]
    [InlineData("{\"id\":\"c1\"}", "HUGE", "BadActivityId")]
    public async Task IdsNoChannelSends_Get400_InsteadOfAReplyUrlTheChannelRefuses(string conversation, string? id, string code)
    {
        await using var connector = await ChannelConnectorServer.StartAsync();
        var huge = $"\"{new string('\u200B', 20_000)}\"";
        var body = $$"""
            {"type":"message","text":"hi","conversation":{{conversation.Replace("HUGE", $"{{\"id\":{huge}}}", StringComparison.Ordinal)}},
             {{(id is null ? "" : $"\"id\":{id.Replace("HUGE", huge, StringComparison.Ordinal)},")}}"from":{"id":"u1"},"channelId":"test","serviceUrl":"{{connector.ServiceUrl}}"}
            """;

        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await ErrorCodeAsync(response));
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData("\"value\":{\"a\":\"\\uDC00\"}")]
    [InlineData("\"channelData\":{\"x\":\"\\uD83D\\u0001\"}")]
    [InlineData("\"attachments\":[{\"contentType\":\"text/plain\",\"content\":\"\\uD800\"}]")]
    [InlineData("\"entities\":[{\"type\":\"mention\",\"\\uDBFF\":1}]")]
    [InlineData("\"text\":\"\\uD800\"")]
    public async Task LoneSurrogateEscapes_Get400_InsteadOfFailingTheTurnWhenStateIsSaved(string field)
    {
        using var response = await PostRawAsync(MessageWith(field));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unpaired surrogate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        FuzzAnswers.AssertNoErrorsLogged(_logs);
    }

    [Theory]
    [InlineData("\"value\":{\"name\":\"a\",\"name\":\"b\"}")]
    [InlineData("\"channelData\":{\"tenant\":{\"id\":\"t\"},\"tenant\":{\"id\":\"u\"}}")]
    [InlineData("\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{\"type\":\"AdaptiveCard\",\"type\":\"x\"}}]")]
    [InlineData("\"text\":\"a\",\"text\":\"b\"")]
    public async Task RepeatedPropertyNames_Get400_InsteadOfFailingTheTurnThatReadsThem(string field)
    {
        using var response = await PostRawAsync(MessageWith(field, type: "invoke", name: "adaptiveCard/action"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadSyntax", await ErrorCodeAsync(response));
        FuzzAnswers.AssertNoErrorsLogged(_logs);
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

    /// <summary>An expectReplies activity for a fresh conversation, with <paramref name="field"/> written in as is.</summary>
    private static string MessageWith(string field, string type = "message", string? name = null) =>
        $$"""{"type":"{{type}}",{{(name is null ? "" : $"\"name\":\"{name}\",")}}"conversation":{"id":"c-{{Guid.NewGuid():N}}"},"from":{"id":"u1"},"recipient":{"id":"bot"},"channelId":"test","deliveryMode":"expectReplies",{{field}}}""";

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>();
}
