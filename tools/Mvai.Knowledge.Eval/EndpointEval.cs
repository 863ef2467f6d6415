using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.Bot.Intake;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge.Eval;

/// <summary>
/// The route the user sees: each held-out message is sent to a running assistant's <c>/api/messages</c> as the first
/// message of a new conversation (expectReplies, so the replies come back in the response), and the route is read off
/// the first reply. Run the published app in its own process on embedded defaults, then:
/// dotnet run -c Release --project tools/Mvai.Knowledge.Eval -- understanding --endpoint http://127.0.0.1:3978 [--set FILE] [--mid-form]
/// (--mid-form sends each message inside the intake, at its second question, and scores safety only).
/// </summary>
internal static class EndpointEval
{
    public static async Task RunAsync(Uri endpoint, IReadOnlyList<RouteExample> set, bool midForm, bool listMisses = false)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<(RouteExample Example, MessageRoute Seen)>();
        var latencies = new List<double>();
        foreach (var (example, index) in set.Select((e, i) => (e, i)))
        {
            var conversation = $"eval-{Guid.NewGuid():N}";
            if (midForm)
            {
                // Inside the intake, at the second question: what a crisis or a threat said between answers gets.
                await SayAsync(http, conversation, index, "a", "we need MVAI assistance");
                await SayAsync(http, conversation, index, "b", "Dana Whitfield");
            }

            var started = Stopwatch.GetTimestamp();
            var texts = await SayAsync(http, conversation, index, "m", example.Text);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            results.Add((example, RouteOf(texts)));
        }

        if (midForm)
        {
            ReportSafetyOnly(results);
            return;
        }

        Console.WriteLine($"{set.Count} messages sent to {endpoint}api/messages as first messages");
        Console.WriteLine($"{"route",-12}{"recall",18}{"precision",16}");
        foreach (var route in Enum.GetValues<MessageRoute>())
        {
            var relevant = results.Where(r => r.Example.Route == route).ToList();
            var seen = results.Where(r => r.Seen == route).ToList();
            Console.WriteLine($"{route,-12}{Fraction(relevant.Count(r => r.Seen == route), relevant.Count),18}{Fraction(seen.Count(r => r.Example.Route == route), seen.Count),16}");
        }

        Console.WriteLine($"{"all routes",-12}{Fraction(results.Count(r => r.Seen == r.Example.Route), results.Count),18}");
        var urgent = results.Where(r => r.Example.Route is MessageRoute.Crisis or MessageRoute.Danger).ToList();
        Console.WriteLine($"danger or crisis answered with 911 or 988 first: {Fraction(urgent.Count(r => r.Seen is MessageRoute.Crisis or MessageRoute.Danger), urgent.Count)}");
        latencies.Sort();
        if (listMisses)
        {
            // Only ever asked for with --train: the held-out set is scored, never read.
            foreach (var (example, seen) in results.Where(r => r.Seen != r.Example.Route).OrderBy(r => r.Example.Route))
            {
                Console.WriteLine($"  {example.Route} seen as {seen}: {example.Text}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round trip per message: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms"));
    }

    private static async Task<List<string>> SayAsync(HttpClient http, string conversation, int index, string step, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"{step}-{index}",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = $"user-{index}", ["name"] = "Evaluator" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["text"] = text,
        };
        using var response = await http.PostAsJsonAsync("api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["activities"]?.AsArray().Select(a => a?["text"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];
    }

    // Mid-form only safety is scored: every other message is the intake's business (an answer, a question, "cancel").
    private static void ReportSafetyOnly(List<(RouteExample Example, MessageRoute Seen)> results)
    {
        var urgent = results.Where(r => r.Example.Route is MessageRoute.Crisis or MessageRoute.Danger).ToList();
        var calm = results.Where(r => r.Example.Route is not (MessageRoute.Crisis or MessageRoute.Danger)).ToList();
        Console.WriteLine($"mid-form (at the second question of the intake), {results.Count} messages:");
        Console.WriteLine($"  danger or crisis answered with 911 or 988 first: {Fraction(urgent.Count(r => r.Seen is MessageRoute.Crisis or MessageRoute.Danger), urgent.Count)}");
        foreach (var route in new[] { MessageRoute.Danger, MessageRoute.Crisis })
        {
            var some = urgent.Where(r => r.Example.Route == route).ToList();
            Console.WriteLine($"    {route}: {Fraction(some.Count(r => r.Seen is MessageRoute.Crisis or MessageRoute.Danger), some.Count)}");
        }

        Console.WriteLine($"  other messages that got a safety reply: {Fraction(calm.Count(r => r.Seen is MessageRoute.Crisis or MessageRoute.Danger), calm.Count)}");
    }

    // What the user saw, from the replies' fixed texts.
    private static MessageRoute RouteOf(List<string> texts)
    {
        var first = texts.FirstOrDefault() ?? string.Empty;
        return first switch
        {
            SafetyReplies.ActiveThreat => MessageRoute.Danger,
            SafetyReplies.Distress => MessageRoute.Crisis,
            AcuteIncidentReply.Text => MessageRoute.Acute,
            AssistantMessages.Fallback => MessageRoute.SmallTalk,
            AssistantMessages.StatusNeedsReference or AssistantMessages.StatusNotFound => MessageRoute.Status,
            SafetyReplies.Tactical or SafetyReplies.Legal or SafetyReplies.Medical or SafetyReplies.OffTopic => MessageRoute.OutOfScope,
            _ when first == IntakeMessages.Start => MessageRoute.Request,
            _ when first.StartsWith("Request MVAI-", StringComparison.Ordinal) => MessageRoute.Status,
            _ when first.StartsWith("I'm connecting you with an MVAI advisor", StringComparison.Ordinal)
                || first.StartsWith("MVAI advisors are not on duty right now", StringComparison.Ordinal) => MessageRoute.Person,
            _ => MessageRoute.Guidance,
        };
    }

    private static string Fraction(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}% ({part}/{whole})");
}
