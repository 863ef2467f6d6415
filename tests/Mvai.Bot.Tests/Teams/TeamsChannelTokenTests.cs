using System.Net;
using System.Net.Http.Json;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Teams;
using Mvai.Bot.Tests.Authentication;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>Teams activities as production gets them: signed by the channel, checked against OpenID metadata, then the tenant allow-list.</summary>
public sealed class TeamsChannelTokenTests : IAsyncLifetime
{
    private OpenIdMetadataServer _metadata = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        var settings = AuthenticatedBotFixture.Settings(_metadata);
        settings["Teams:AllowedTenants:0"] = TeamsChat.CaptureTenantId;
        _host = await BotTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    [Fact]
    public async Task SignedInstall_FromAnAllowedTenant_IsGreeted()
    {
        var install = new TeamsChat(_host).Installation("add");

        var replies = await SendSignedAsync(install);

        Assert.Equal(AssistantMessages.Welcome, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task SignedMessage_FromAnotherTenant_IsRefused()
    {
        var message = new TeamsChat(_host, tenantId: "99999999-8888-4777-8666-555555555555").Message("hello");

        var replies = await SendSignedAsync(message);

        Assert.Equal(TeamsMessages.TenantNotAllowed, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task UnsignedTeamsMessage_Is401_EvenFromAnAllowedTenant()
    {
        using var response = await _host.PostActivityAsync(new TeamsChat(_host).Message("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<IList<Activity>> SendSignedAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var token = _metadata.ChannelToken(AuthenticatedBotFixture.AppId, activity.ServiceUrl);
        using var response = await _host.PostActivityAsync(activity, "Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies))!.Activities;
    }
}
