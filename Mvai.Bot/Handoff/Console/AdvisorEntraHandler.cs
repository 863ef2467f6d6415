using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Console;

/// <summary>An Entra ID access token for the console API (<c>Authorization: Bearer</c>), checked by <see cref="AdvisorEntraTokens"/>.</summary>
internal sealed class AdvisorEntraHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IServiceProvider services)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            return AuthenticateResult.NoResult();
        }
        // Registered only when Entra ID is configured; without it no bearer token can be valid.
        if (services.GetService<AdvisorEntraTokens>() is not { } tokens)
        {
            return AuthenticateResult.Fail("Entra ID is not configured");
        }
        var advisor = await tokens.ValidateAsync(header.Parameter, Context.RequestAborted);
        return advisor is null
            ? AuthenticateResult.Fail("Invalid advisor token")
            : AuthenticateResult.Success(new AuthenticationTicket(AdvisorAuthentication.Principal(advisor, "entra", Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        AdvisorBasicHandler.WriteChallenge(Response, Context.RequestServices.GetRequiredService<IOptions<AdvisorConsoleOptions>>().Value);
        return Task.CompletedTask;
    }
}
