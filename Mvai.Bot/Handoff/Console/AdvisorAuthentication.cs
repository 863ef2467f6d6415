using System.Security.Claims;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// The console's authentication schemes. The API accepts a session cookie (the console page), HTTP Basic with
/// an advisor account (scripts) or an Entra bearer token; <see cref="Scheme"/> picks one by the request's
/// Authorization header. None is the app's default scheme, so nothing else in the app is touched.
/// </summary>
internal static class AdvisorAuthentication
{
    public const string Scheme = "Advisor";
    public const string CookieScheme = "AdvisorCookie";
    public const string BasicScheme = "AdvisorBasic";
    public const string EntraScheme = "AdvisorEntra";
    public const string Policy = "AdvisorConsole";
    public const string CookieName = "mvai-advisor";

    /// <summary>How the advisor signed in: account (cookie or Basic) or entra.</summary>
    public const string MethodClaim = "mvai:signin";

    public static string SelectScheme(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return BasicScheme;
        }
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? EntraScheme : CookieScheme;
    }

    public static ClaimsPrincipal Principal(AdvisorIdentity advisor, string method, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, advisor.Id),
            new Claim(ClaimTypes.Name, advisor.DisplayName),
            new Claim(MethodClaim, method),
        ], scheme));

    public static AdvisorIdentity Advisor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An advisor principal without an id."),
        user.FindFirstValue(ClaimTypes.Name) ?? string.Empty);
}
