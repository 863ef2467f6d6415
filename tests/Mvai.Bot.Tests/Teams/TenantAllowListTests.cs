using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.State;
using Mvai.Bot.Teams;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>With <c>Teams:AllowedTenants</c> set, only those tenants' users get the assistant; others get one polite refusal.</summary>
public sealed class TenantAllowListTests : IAsyncLifetime
{
    private const string AgencyTenant = "7a1c0f2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Teams:AllowedTenants:0"] = "11111111-2222-4333-8444-555555555555",
        ["Teams:AllowedTenants:1"] = AgencyTenant,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OtherTenant_Message_GetsOneRefusal_AndNoStateIsWritten()
    {
        var chat = new TeamsChat(_host);

        var replies = await chat.SayAsync("We need MVAI help");

        Assert.Equal(TeamsMessages.TenantNotAllowed, Assert.Single(replies).Text);
        var stored = await _host.Services.GetRequiredService<IStorage>()
            .ReadAsync([$"msteams/conversations/{chat.ConversationId}"], CancellationToken.None);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task OtherTenant_Install_IsRefusedOnce_AndTheConversationUpdateIsIgnored()
    {
        var chat = new TeamsChat(_host);

        var replies = await chat.InstallAsync();

        Assert.Equal(TeamsMessages.TenantNotAllowed, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task OtherTenant_Invoke_Gets403()
    {
        var invoke = new TeamsChat(_host).FromCapture("05-invoke-adaptiveCard-action.json");

        using var response = await _host.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((403, "application/vnd.microsoft.error"), (body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AllowedTenant_NamedOnlyInChannelData_IsServed()
    {
        var chat = new TeamsChat(_host, tenantId: AgencyTenant);
        var install = chat.Installation("add");
        install.Conversation!.TenantId = null;

        Assert.Equal(AssistantMessages.Welcome, Assert.Single(await chat.SendAsync(install)).Text);
        Assert.Equal(AssistantMessages.Fallback, Assert.Single(await chat.SayAsync("hello")).Text);
    }

    [Fact]
    public async Task OtherChannels_AreNotSubjectToTheTeamsAllowList()
    {
        var replies = await new Conversation(_host, channelId: "webchat").SayAsync("hello");

        Assert.Equal(AssistantMessages.Fallback, Assert.Single(replies).Text);
    }
}
