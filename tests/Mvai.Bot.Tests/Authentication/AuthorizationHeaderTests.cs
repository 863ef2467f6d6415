namespace Mvai.Bot.Tests.Authentication;

/// <summary>With an app id the header must be exactly <c>Bearer &lt;jwt&gt;</c>; anything else is 401 before any token work.</summary>
public sealed class AuthorizationHeaderTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    private const string AppId = AuthenticatedBotFixture.AppId;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic x")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln.extra")]
    public async Task AuthorizationHeader_MissingOrMalformed_Is401(string? header)
    {
        await bot.AssertUnauthorizedAsync(bot.NewMessage(), header);
    }

    [Fact]
    public async Task AuthorizationHeader_LowercaseSchemeOrExtraSpace_Is401()
    {
        var activity = bot.NewMessage();
        var token = bot.Metadata.ChannelToken(AppId, activity.ServiceUrl);

        await bot.AssertUnauthorizedAsync(activity, "bearer " + token);
        await bot.AssertUnauthorizedAsync(bot.NewMessage(), "Bearer  " + token);
    }
}
