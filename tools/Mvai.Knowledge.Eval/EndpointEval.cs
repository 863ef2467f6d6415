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
/// dotnet run -c Release --project tools/Mvai.Knowledge.Eval -- understanding --endpoint http://127.0.0.1:3978 [--fresh]
/// </summary>
internal static class EndpointEval
{
    public static async Task RunAsync(Uri endpoint, IReadOnlyList<RouteExample> set)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<(RouteExample Example, MessageRoute Seen)>();
        var latencies = new List<double>();
        foreach (var (example, index) in set.Select((e, i) => (e, i)))
        {
            var conversation = $"eval-{Guid.NewGuid():N}";
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = $"m-{index}",
                ["channelId"] = "emulator",
                ["serviceUrl"] = "http://127.0.0.1:9",
                ["deliveryMode"] = "expectReplies",
                ["from"] = new JsonObject { ["id"] = $"user-{index}", ["name"] = "Evaluator" },
                ["recipient"] = new JsonObject { ["id"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversation },
                ["text"] = example.Text,
            };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("api/messages", activity);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            var texts = body?["activities"]?.AsArray().Select(a => a?["text"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];
            results.Add((example, RouteOf(texts)));
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round trip per message: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms"));
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
