using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.Bot.Handoff.Console;

/// <summary>Signing in and out of the console page (a session cookie), and who is signed in.</summary>
internal static class AdvisorSessionEndpoints
{
    public static RouteGroupBuilder MapAdvisorSession(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignInAsync).AllowAnonymous().AddEndpointFilter<SameOriginFilter>();
        api.MapPost("/session/logout", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous().AddEndpointFilter<SameOriginFilter>();
        api.MapGet("/me", (HttpContext http) =>
        {
            var advisor = http.User.Advisor();
            var method = http.User.FindFirst(AdvisorAuthentication.MethodClaim)?.Value ?? "account";
            return Results.Json(new AdvisorView(advisor.Id, advisor.DisplayName, method), AdvisorConsoleJson.Default.AdvisorView);
        }).RequireAuthorization(AdvisorAuthentication.Policy);
        return api;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, SignInRequest request, AdvisorAccountDirectory accounts, IOptions<AdvisorConsoleOptions> options)
    {
        var (advisor, retryAfter) = await accounts.SignInAsync(request.Id, request.Secret, http.Connection.RemoteIpAddress, "console", http.RequestAborted);
        if (retryAfter is { } wait)
        {
            RetryAfterRejection.SetRetryAfter(http.Response, wait);
            return Results.Json(new ConsoleError("Too many sign-in attempts. Wait a minute, then try again."),
                AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (advisor is null)
        {
            AdvisorBasicHandler.WriteChallenge(http.Response, options.Value);
            return Results.Json(new ConsoleError(
                "Sign-in failed. Check your advisor id and password. After several failed attempts, sign-in is paused for a few minutes."),
                AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status401Unauthorized);
        }
        await http.SignInAsync(AdvisorAuthentication.CookieScheme,
            AdvisorAuthentication.Principal(advisor, "account", AdvisorAuthentication.CookieScheme),
            new AuthenticationProperties { AllowRefresh = true });
        return Results.Json(new AdvisorView(advisor.Id, advisor.DisplayName, "account"), AdvisorConsoleJson.Default.AdvisorView);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(AdvisorAuthentication.CookieScheme);
        return Results.NoContent();
    }
}
