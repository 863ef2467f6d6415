using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>
/// Advisors from the organisation's Entra ID tenant call the console API with a bearer token, checked against
/// the tenant's OpenID metadata (here a local server publishing the signing key) for signature, issuer,
/// audience, lifetime and the advisor role.
/// </summary>
public sealed class AdvisorEntraTests : IAsyncLifetime
{
    private const string TenantId = "5f1a3c2e-0000-4000-8000-00000000abcd";
    private const string Audience = "api://mvai-advisor-console";
    private const string AdvisorRole = "MVAI.Advisor";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private OpenIdMetadataServer _metadata = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Advisors:Entra:TenantId"] = TenantId,
            ["Advisors:Entra:Audience"] = Audience,
            ["Advisors:Entra:MetadataUrl"] = _metadata.EntraMetadataUrl,
            ["Advisors:Entra:RequireHttpsMetadata"] = "false",
            ["Advisors:Entra:RequiredRole"] = AdvisorRole,
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_OpensTheApi_AsTheTokensUser()
    {
        using var response = await GetMeAsync(Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.Equivalent(JsonNode.Parse("""{"id":"dana.lee@agency.example","displayName":"Dana Lee","signedInWith":"entra"}"""),
            JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TokenForAnotherAudience_Is401()
    {
        using var response = await GetMeAsync(Token(audience: "api://some-other-app"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task TokenWithATamperedSignature_Is401()
    {
        var parts = Token().Split('.');
        var forged = Token(name: "Someone Else").Split('.');

        // The other token's payload under this token's signature: the signature no longer matches.
        using var response = await GetMeAsync($"{parts[0]}.{forged[1]}.{parts[2]}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAnUnpublishedKey_Is401()
    {
        using var response = await GetMeAsync(Token(key: new TestSigningKey()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        using var response = await GetMeAsync(Token(expires: DateTimeOffset.UtcNow.AddMinutes(-30)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherTenant_Is401()
    {
        using var response = await GetMeAsync(Token(issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutTheAdvisorRole_Is401()
    {
        using var response = await GetMeAsync(Token(roles: ["Reader"]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerChanges_NeedNoConsoleHeader_ButMustNotComeFromAnotherOrigin()
    {
        using var script = new HttpRequestMessage(HttpMethod.Post, "api/advisor/cases/any-case/claim");
        script.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "api/advisor/cases/any-case/claim");
        crossSite.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        crossSite.Headers.Add("Origin", "https://evil.example");

        using var fromScript = await _host.Client.SendAsync(script);
        using var fromAnotherSite = await _host.Client.SendAsync(crossSite);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (fromScript.StatusCode, fromAnotherSite.StatusCode));
    }

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/advisor/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _host.Client.SendAsync(request);
    }

    private string Token(string audience = Audience, string? issuer = null, TestSigningKey? key = null, DateTimeOffset? expires = null,
        string name = "Dana Lee", string[]? roles = null) =>
        OpenIdMetadataServer.Sign(key ?? _metadata.EntraKey, issuer ?? Issuer, new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["ver"] = "2.0",
            ["tid"] = TenantId,
            ["oid"] = "9b2c7a40-1111-4222-8333-444455556666",
            ["preferred_username"] = "dana.lee@agency.example",
            ["name"] = name,
            ["roles"] = roles ?? [AdvisorRole],
        }, expires, SecurityAlgorithms.RsaSha256);
}
