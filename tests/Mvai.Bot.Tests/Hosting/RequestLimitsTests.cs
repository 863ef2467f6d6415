using System.Net;
using System.Text;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>Every POST endpoint refuses oversized bodies with 413, and only configured origins get CORS answers.</summary>
public sealed class RequestLimitsTests
{
    private const string IacpSite = "https://www.theiacp.example";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DirectLineActivity_AboveTheActivityLimit_Gets413(bool chunked)
    {
        await using var host = await BotTestHost.StartAsync();
        var (conversationId, token) = await new DirectLineClient(host).GenerateAsync();
        var json = $$"""{"type":"message","text":"{{new string('a', 300 * 1024)}}"}""";
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            : new StringContent(json, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities") { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("BodyTooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostThatBindsItsBody_AboveTheServersOneMebibyte_Gets413()
    {
        const string path = "api/advisor/session";
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>(TestAdvisors.Accounts));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"id":"alice","secret":"{{new string('s', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("X-Requested-With", "mvai-console");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("api/messages")]
    [InlineData("api/advisor/queue")]
    public async Task EndpointsNoBrowserCallsAcrossOrigins_AnswerNoCors_EvenToAConfiguredOrigin(string path)
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = IacpSite });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", IacpSite);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await host.Client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DirectLineApi_AnswersCorsOnlyToConfiguredOrigins()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = IacpSite });
        var (conversationId, token) = await new DirectLineClient(host).GenerateAsync();

        using var allowed = await host.Client.SendAsync(ActivitiesRequest(conversationId, token, IacpSite));
        using var other = await host.Client.SendAsync(ActivitiesRequest(conversationId, token, "https://evil.example"));

        Assert.Equal(IacpSite, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage ActivitiesRequest(string conversationId, string token, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Origin", origin);
        return request;
    }
}
