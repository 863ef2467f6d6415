using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// HTTP Basic with an advisor account, for scripts. Also answers every console challenge: 401 with
/// <c>WWW-Authenticate</c> naming the ways in (Basic, plus Bearer when Entra ID is configured).
/// </summary>
internal sealed class AdvisorBasicHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdvisorAccountDirectory accounts,
    IOptions<AdvisorConsoleOptions> consoleOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string Realm = "MVAI advisor console";

    /// <summary>Set on the request when the sign-in limits refused its Basic attempt: the challenge is then a 429.</summary>
    private const string RetryAfterItem = "mvai:advisor-sign-in-retry-after";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials");
        }
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials");
        }
        var (advisor, retryAfter) = await accounts.SignInAsync(
            credentials[..colon], credentials[(colon + 1)..], Context.Connection.RemoteIpAddress, "basic", Context.RequestAborted);
        if (retryAfter is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return AuthenticateResult.Fail("Too many sign-in attempts");
        }
        return advisor is null
            ? AuthenticateResult.Fail("Wrong advisor credentials")
            : AuthenticateResult.Success(new AuthenticationTicket(AdvisorAuthentication.Principal(advisor, "account", Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        WriteChallenge(Response, consoleOptions.Value);
        return Task.CompletedTask;
    }

    public static void WriteChallenge(HttpResponse response, AdvisorConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.HttpContext.Items[RetryAfterItem] is TimeSpan wait)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterRejection.SetRetryAfter(response, wait);
            return;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
        // A Basic challenge makes browsers pop up their own password dialog, and then send what was typed there with
        // every request to us, cross-site ones too: the console page and browsers (Sec-Fetch-*, which only browsers
        // send) are told to use a session instead, so browsers never learn Basic credentials from us.
        var request = response.HttpContext.Request;
        var fromBrowser = SameOriginFilter.HasConsoleHeader(request) || request.Headers.ContainsKey("Sec-Fetch-Mode");
        response.Headers.Append("WWW-Authenticate", fromBrowser
            ? $"Session realm=\"{Realm}\""
            : $"Basic realm=\"{Realm}\", charset=\"UTF-8\"");
        if (options.Entra.IsConfigured)
        {
            response.Headers.Append("WWW-Authenticate", $"Bearer realm=\"{Realm}\"");
        }
    }
}
