using System.Net;
using System.Text;
using System.Text.Json.Nodes;
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

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        _host.Client.PostAsync("api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>();
}
