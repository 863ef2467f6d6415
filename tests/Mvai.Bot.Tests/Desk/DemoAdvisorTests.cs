using Microsoft.Extensions.Options;
using Mvai.Bot.Desk;
using Mvai.Bot.Desk.QuickStart;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Desk;

/// <summary>The quick start's demo advisor exists in local development mode only, never where the app is deployed.</summary>
public sealed class DemoAdvisorTests
{
    [Theory]
    [InlineData(null, "http://localhost:3978", null, null, true)]
    [InlineData(null, "http://127.0.0.1:0;http://[::1]:3978", null, null, true)]
    [InlineData("00000000-0000-0000-0000-000000000001", "http://localhost:3978", null, null, false)]
    [InlineData(null, "http://0.0.0.0:8080", null, null, false)]
    [InlineData(null, "http://+:80", null, null, false)]
    [InlineData(null, "http://localhost:3978", "amorgan", null, false)]
    [InlineData(null, "http://localhost:3978", null, "false", false)]
    public void IsOffered_OnlyOnLoopback_WithoutAnAppIdOrAccounts(string? appId, string urls, string? account, string? enabled, bool offered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["urls"] = urls,
            ["Advisors:Accounts:0:Id"] = account,
            ["Desk:DemoAdvisor"] = enabled,
        }.Where(p => p.Value is not null)).Build();

        Assert.Equal(offered, DemoAdvisor.Applies(configuration));
    }

    [Fact]
    public async Task TheLocalApp_HasTheDemoAccountAndFictionalPeerAdvisors_ADeployedOneDoesNot()
    {
        await using (var local = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Desk:DemoAdvisor"] = "true" }))
        {
            var account = Assert.Single(local.Services.GetRequiredService<IOptions<AdvisorConsoleOptions>>().Value.Accounts);
            Assert.Equal((DemoAdvisor.Id, DemoAdvisor.DisplayName), (account.Id, account.DisplayName));
            Assert.Equal(2, local.Services.GetRequiredService<IOptions<DeskOptions>>().Value.PeerAdvisors.Count);
        }
        await using var deployed = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Desk:DemoAdvisor"] = "true",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000002",
        });
        Assert.Empty(deployed.Services.GetRequiredService<IOptions<AdvisorConsoleOptions>>().Value.Accounts);
    }
}
