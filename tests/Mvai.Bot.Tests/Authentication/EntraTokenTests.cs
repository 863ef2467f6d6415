using Mvai.Bot.Tests.Authentication.Fakes;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>Entra-issued tokens (Emulator, skills) through the real /api/messages endpoint.</summary>
public sealed class EntraTokenTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    private const string AppId = AuthenticatedBotFixture.AppId;
    private const string BotFrameworkTenantV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string BotFrameworkTenantV2 = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    [Fact]
    public async Task EntraV1Token_AppIdIsOurs_IsAccepted()
    {
        var token = EntraToken(BotFrameworkTenantV1, "1.0", "appid", AppId);

        Assert.Single(await bot.SendAcceptedAsync(bot.NewMessage("emulator"), "Bearer " + token));
    }

    [Fact]
    public async Task EntraV2Token_AzpIsOurs_IsAccepted()
    {
        var token = EntraToken(BotFrameworkTenantV2, "2.0", "azp", AppId);

        Assert.Single(await bot.SendAcceptedAsync(bot.NewMessage("emulator"), "Bearer " + token));
    }

    [Fact]
    public async Task EntraV2Token_AzpIsAnotherApp_Is401()
    {
        var token = EntraToken(BotFrameworkTenantV2, "2.0", "azp", "0b7e3a55-2222-4f3c-9d8e-111111111111");

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Fact]
    public async Task EntraV2Token_OurIdOnlyInAppIdClaim_Is401()
    {
        // v2.0 tokens name the caller in azp; an appid claim there must not be trusted instead.
        var token = EntraToken(BotFrameworkTenantV2, "2.0", "appid", AppId);

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Fact]
    public async Task EntraToken_WithoutVerClaim_Is401()
    {
        var token = EntraToken(BotFrameworkTenantV1, ver: null, "appid", AppId);

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Fact]
    public async Task EntraToken_FromOurOwnTenant_IsAccepted()
    {
        var token = EntraToken($"https://login.microsoftonline.com/{AuthenticatedBotFixture.TenantId}/v2.0", "2.0", "azp", AppId);

        Assert.Single(await bot.SendAcceptedAsync(bot.NewMessage("emulator"), "Bearer " + token));
    }

    [Fact]
    public async Task EntraToken_FromAnotherTenant_Is401()
    {
        var token = EntraToken("https://login.microsoftonline.com/aaaaaaaa-3333-4bbb-8ccc-222222222222/v2.0", "2.0", "azp", AppId);

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Fact]
    public async Task EntraToken_SignedWithChannelKeyNotInEntraMetadata_Is401()
    {
        var token = OpenIdMetadataServer.Sign(bot.Metadata.ChannelKey, BotFrameworkTenantV1,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId, ["aud"] = AppId });

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("https://api.botframework.com")]
    [InlineData("api://another-app")]
    public async Task EntraToken_ForAnotherAudience_Is401_EvenWithOurAppId(string audience)
    {
        var token = EntraToken(BotFrameworkTenantV2, "2.0", "azp", AppId, audience);

        await bot.AssertUnauthorizedAsync(bot.NewMessage("emulator"), "Bearer " + token);
    }

    [Fact]
    public async Task EntraToken_ForOurApiUri_IsAccepted()
    {
        var token = EntraToken(BotFrameworkTenantV2, "2.0", "azp", AppId, $"api://{AppId}");

        Assert.Single(await bot.SendAcceptedAsync(bot.NewMessage("emulator"), "Bearer " + token));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    public async Task EntraToken_NamingAServiceUrlNeitherBotFrameworksNorConfigured_Is401(string serviceUrl)
    {
        var activity = bot.NewMessage("emulator");
        activity.ServiceUrl = serviceUrl;

        await bot.AssertUnauthorizedAsync(activity, "Bearer " + EntraToken(BotFrameworkTenantV2, "2.0", "azp", AppId));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://webchat.botframework.com/")]
    public async Task EntraToken_NamingBotFrameworksServiceUrl_IsAccepted(string serviceUrl)
    {
        var activity = bot.NewMessage("emulator");
        activity.ServiceUrl = serviceUrl;

        Assert.Single(await bot.SendAcceptedAsync(activity, "Bearer " + EntraToken(BotFrameworkTenantV2, "2.0", "azp", AppId)));
    }

    private string EntraToken(string issuer, string? ver, string appIdClaim, string appId, string? audience = null) =>
        OpenIdMetadataServer.Sign(bot.Metadata.EntraKey, issuer, new Dictionary<string, object>
        {
            ["aud"] = audience ?? AppId,
            ["ver"] = ver!,
            [appIdClaim] = appId,
        });
}
