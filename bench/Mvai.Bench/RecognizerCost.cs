using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.Bot.Intake.Validation;
using Mvai.Bot.Intake.Prefill;
using Mvai.Knowledge.Safety;

namespace Mvai.Bench;

/// <summary>
/// <c>--recognizers</c>: what the text recognizers and the safety screen cost per call, first call (models built) and
/// warm, in time and allocation, so the turn budget can be checked against them without a profiler.
/// </summary>
internal static class RecognizerCost
{
    private const int Calls = 300;
    private const string English = "en-us";

    public static void Print()
    {
        var now = new DateTime(2026, 3, 18, 14, 0, 0, DateTimeKind.Unspecified);
        var safety = new SafetyScreen();
        var choices = new List<Choice> { new("Email"), new("Phone"), new("Text message") };
        // The bench itself runs in development mode (no app id, loopback callers unauthenticated), so the per-request
        // token check a deployed bot does is measured here: the same handler and RSA-SHA256 signature check.
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "bench" };
        var jwt = new JsonWebTokenHandler();
        var token = jwt.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = "bench-app-id",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = "https://smba.trafficmanager.net/amer/" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuer = "https://api.botframework.com",
            ValidAudience = "bench-app-id",
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
        var rows = new (string Name, Func<object?> Call)[]
        {
            ("date recognizer, \"last Friday\"", () => DateTimeResolutions.Recognize("last Friday", English, now).Count()),
            ("date recognizer, \"We need MVAI help\"", () => DateTimeResolutions.Recognize("We need MVAI help", English, now).Count()),
            ("date recognizer, 40-word message", () => DateTimeResolutions.Recognize(LongMessage, English, now).Count()),
            ("number recognizer (casualty count), \"eleven\"", () => CasualtyCount.Parse("eleven")),
            ("choice recognizer, ordinal \"the second one\"", () => ChoiceRecognizer.Recognize("the second one", choices, English)),
            ("rule prefill, \"We need MVAI help\"", () => RulePrefill.Extract("We need MVAI help", now)),
            ("rule prefill, 40-word message", () => RulePrefill.Extract(LongMessage, now)),
            ("safety screen, 40-word message", () => safety.Screen(LongMessage)),
            ("JWT validation, RS256 channel-style token", () => jwt.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult().IsValid),
        };
        Console.WriteLine("call                                          first ms   warm µs/call   KiB/call   RSS MiB after");
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"(before any call)",-44}  {"",8}   {"",12}   {"",8}   {process.WorkingSet64 / 1048576.0,13:0}"));
        foreach (var (name, call) in rows)
        {
            var first = Stopwatch.StartNew();
            call();
            var firstMs = first.Elapsed.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
            {
                call();
            }
            var perCallMicros = warm.Elapsed.TotalMicroseconds / Calls;
            var perCallKib = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / Calls;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-44}  {firstMs,8:0.0}   {perCallMicros,12:0.0}   {perCallKib,8:0.0}   {process.WorkingSet64 / 1048576.0,13:0}"));
        }
    }

    private const string LongMessage =
        "We had a vehicle ramming at the Waukegan farmers market last Friday afternoon, two killed and eleven injured. "
        + "The Lake County Sheriff's Office is leading and we need help with the media and officer wellness this week.";
}
