using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>/api/messages speaks the Bot Framework's HTTP conventions.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExpectReplies_ReturnsEverythingTheTurnSent_InTheResponseBody()
    {
        var chat = new Conversation(_host);

        var replies = await chat.SayAsync("is anyone there?");

        var reply = Assert.Single(replies);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(AssistantMessages.Fallback, reply.Text);
        Assert.Equal("user-1", reply.Recipient!.Id);
        Assert.Equal(chat.Id, reply.Conversation!.Id);
    }

    [Fact]
    public async Task MalformedJson_Gets400_WithAReason()
    {
        using var response = await PostRawAsync("{\"type\":\"message\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("BadSyntax", error["code"]!.GetValue<string>());
        Assert.Contains("not a valid activity", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"text\":\"no type\"}", "MissingType")]
    [InlineData("{\"type\":\"\"}", "MissingType")]
    [InlineData("null", "MissingActivity")]
    [InlineData("{\"type\":42}", "BadSyntax")]
    [InlineData("[1,2]", "BadSyntax")]
    public async Task InvalidActivity_Gets400_WithTheReason(string body, string code)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\"}";

        using var response = await PostRawAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task OversizedChunkedBody_WithoutContentLength_Gets413()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherVerbs_Get405(string method)
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task CardActionInvoke_IsAnsweredSynchronously_InTheHttpBody()
    {
        var capture = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("captures", "teams-playground", "05-invoke-adaptiveCard-action.json")))!["body"]!;

        using var response = await PostRawAsync(capture.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(AssistantMessages.CardActionReceived, body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnhandledInvoke_Gets501()
    {
        var invoke = new Conversation(_host).NewActivity(ActivityTypes.Invoke);
        invoke.Name = "composeExtension/query";

        using var response = await _host.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedActivityId_IsProcessedOnce()
    {
        var chat = new Conversation(_host);
        var message = chat.NewActivity(ActivityTypes.Message);
        message.Text = "we need help";

        var first = await chat.SendAsync(message);
        var retry = await chat.SendAsync(message);

        Assert.NotEmpty(first);
        Assert.Empty(retry);
    }

    [Fact]
    public async Task UnknownEvent_IsAcceptedWith200()
    {
        var activity = new Conversation(_host).NewActivity(ActivityTypes.Event);
        activity.Name = "some/future-event";

        using var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_Is200_WhenStorageAnswers()
    {
        using var response = await _host.Client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        _host.Client.PostAsync("api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
}
