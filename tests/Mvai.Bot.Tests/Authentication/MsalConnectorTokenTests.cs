using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>Outbound: replies go to the channel's Connector with the bot's own Entra token (client credentials).</summary>
public sealed class MsalConnectorTokenTests
{
    private const string EntraHost = "login.microsoftonline.com";

    [Fact]
    public async Task Reply_NormalDelivery_PostsToConnectorWithEntraTokenFetchedOnce()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        await using var entra = await FakeEntraTokenEndpoint.StartAsync();
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await BotTestHost.StartAsync(AuthenticatedBotFixture.Settings(metadata), configure: builder =>
            builder.Services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
                .AddHttpMessageHandler(() => new LoopbackRedirectHandler(EntraHost, entra.BaseAddress)));
        var chat = new Conversation(host, channelId: "msteams", conversationId: "19:a1b2;messageid=42@thread.tacv2");

        var first = await SendTurnAsync(host, chat, metadata, connector.ServiceUrl);
        await SendTurnAsync(host, chat, metadata, connector.ServiceUrl);

        Assert.Equal(2, connector.Requests.Count);
        var call = connector.Requests.First();
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(chat.Id)}/activities/{Uri.EscapeDataString(first.Id!)}", call.Path);
        Assert.All(connector.Requests, c => Assert.Equal("Bearer " + entra.AccessToken, c.Authorization));

        var tokenRequest = Assert.Single(entra.Requests);
        Assert.Equal(AuthenticatedBotFixture.TenantId, tokenRequest.Tenant);
        Assert.Equal(AuthenticatedBotFixture.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal("test-secret", tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
    }

    [Fact]
    public async Task Provider_MultiTenantBot_AsksTheBotFrameworkTenant()
    {
        await using var entra = await FakeEntraTokenEndpoint.StartAsync();
        using var services = RoutedServices(entra);
        var provider = Create(services, new BotAuthenticationOptions
        {
            MicrosoftAppId = AuthenticatedBotFixture.AppId,
            MicrosoftAppPassword = "test-secret",
            MicrosoftAppType = "MultiTenant",
        });

        Assert.Equal(entra.AccessToken, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal("botframework.com", Assert.Single(entra.Requests).Tenant);
    }

    [Fact]
    public async Task Provider_SingleTenantBotWithoutTenantId_ThrowsNamingTheSetting()
    {
        await using var entra = await FakeEntraTokenEndpoint.StartAsync();
        using var services = RoutedServices(entra);
        var provider = Create(services, new BotAuthenticationOptions
        {
            MicrosoftAppId = AuthenticatedBotFixture.AppId,
            MicrosoftAppPassword = "test-secret",
            MicrosoftAppType = "SingleTenant",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync(CancellationToken.None));
        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
        Assert.Empty(entra.Requests);
    }

    private static async Task<Activity> SendTurnAsync(BotTestHost host, Conversation chat, OpenIdMetadataServer metadata, string serviceUrl)
    {
        var activity = chat.NewActivity(ActivityTypes.Message);
        activity.Text = "hello";
        activity.ServiceUrl = serviceUrl;
        using var response = await host.PostActivityAsync(activity, "Bearer " + metadata.ChannelToken(AuthenticatedBotFixture.AppId, serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return activity;
    }

    private static ServiceProvider RoutedServices(FakeEntraTokenEndpoint entra)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
            .AddHttpMessageHandler(() => new LoopbackRedirectHandler(EntraHost, entra.BaseAddress));
        return services.BuildServiceProvider();
    }

    private static MsalConnectorTokenProvider Create(ServiceProvider services, BotAuthenticationOptions options) => new(
        Options.Create(options), services.GetRequiredService<IHttpClientFactory>(), NullLogger<MsalConnectorTokenProvider>.Instance);
}
