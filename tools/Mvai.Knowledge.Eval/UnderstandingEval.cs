using System.Diagnostics;
using System.Globalization;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge.Eval;

/// <summary>
/// Scores the understanding step: training figures by 5-fold cross-validation on the shipped examples (each message read
/// by a model built without it), held-out figures on the frozen held-out set read by the shipped model. The old regex
/// safety screen is the baseline for danger and crisis.
/// Usage: dotnet run -c Release --project tools/Mvai.Knowledge.Eval -- understanding [--set FILE] [--misses] [--tune]
/// </summary>
internal static class UnderstandingEval
{
    private const int Folds = 5;

    /// <summary>The current frozen held-out set (see Sets/README.md for its history).</summary>
    private const string HeldOutSet = "understanding-heldout-f.jsonl";

    public static void Run(string[] args)
    {
        if (args is [_, "--read", .. var messages])
        {
            // Shows how the shipped model reads the given messages: route, why, and each route's probability.
            foreach (var message in messages)
            {
                var reading = MessageUnderstanding.Shared.ReadAsync(message).GetAwaiter().GetResult();
                var scores = string.Join(' ', reading.Scores.OrderByDescending(p => p.Value).Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:F2}")));
                Console.WriteLine($"{reading.Route} ({reading.Because}; {scores}; wellness {reading.WellnessConcern}): {message}");
            }

            return;
        }

        var train = RouteExamples.LoadDefault();
        // The frozen held-out set: written by a writer who saw neither the system nor the other sets, only ever scored.
        // --set names another file of Sets/ (an older or newer held-out set).
        var heldOutFile = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault() ?? HeldOutSet;
        var heldOut = RouteExamples.LoadFile(Path.Combine(AppContext.BaseDirectory, "Sets", heldOutFile)).ToList();
        Console.WriteLine($"held-out set: {heldOutFile}");
        if (args.SkipWhile(a => a != "--endpoint").Skip(1).FirstOrDefault() is { } endpoint)
        {
            // --train drives the training examples instead, to tune what the bot does with a reading (never the held-out set).
            var set = args.Contains("--train") ? [.. train] : heldOut;
            EndpointEval.RunAsync(new Uri(endpoint.TrimEnd('/') + "/"), set, args.Contains("--mid-form"), args.Contains("--train") && args.Contains("--misses")).GetAwaiter().GetResult();
            return;
        }

        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var generator = new LocalEmbeddingGenerator(LocalSentenceEmbedder.Shared);
        var vectors = MessageUnderstanding.Embed(generator, train);
        var modelRss = (Process.GetCurrentProcess().WorkingSet64 - rssBefore) / (1 << 20);
        Console.WriteLine($"{train.Count} training examples, {heldOut.Count} held-out messages; model + examples add {modelRss} MiB RSS");

        if (args.Contains("--tune"))
        {
            Tune(generator, train, vectors);
            return;
        }

        var tuning = new UnderstandingTuning();
        var trainResults = CrossValidate(generator, train, vectors, tuning);
        var shipped = new MessageUnderstanding(generator, train, vectors, tuning);
        var latencies = new List<double>();
        var heldResults = heldOut.Select(example =>
        {
            var started = Stopwatch.GetTimestamp();
            var reading = shipped.ReadAsync(example.Text).GetAwaiter().GetResult();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return (example, reading);
        }).ToList();

        Console.WriteLine();
        Console.WriteLine($"{"route",-12}{"held-out recall",18}{"precision",12}{"train (5-fold) recall",24}{"precision",12}{"baseline recall (held-out)",28}");
        foreach (var route in Enum.GetValues<MessageRoute>())
        {
            Console.WriteLine($"{route,-12}{Recall(heldResults, route),18}{Precision(heldResults, route),12}{Recall(trainResults, route),24}{Precision(trainResults, route),12}{BaselineRecall(heldOut, route),28}");
        }

        Console.WriteLine($"{"all routes",-12}{Accuracy(heldResults),18}{string.Empty,12}{Accuracy(trainResults),24}");
        Console.WriteLine($"false crisis/danger alarms on guidance questions: held-out {FalseAlarms(heldResults)}, train {FalseAlarms(trainResults)}");
        Console.WriteLine($"held-out refusals with the right kind: {RefusalKinds(heldResults)}");
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per message: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms; process RSS {Process.GetCurrentProcess().WorkingSet64 >> 20} MiB"));
        // Only training misses are ever listed: the held-out set's are counted above, since reading them while tuning
        // would make it a training set.
        if (args.Contains("--misses"))
        {
            PrintTrainingMisses(trainResults);
        }
    }

    private static void PrintTrainingMisses(List<(RouteExample example, MessageReading reading)> trainResults)
    {
        Console.WriteLine("\ntraining misses (5-fold):");
        foreach (var (example, reading) in trainResults.Where(r => r.reading.Route != r.example.Route).OrderBy(r => r.example.Route))
        {
            Console.WriteLine($"  {example.Route} read as {reading.Route} ({reading.Because}): {example.Text}");
        }
    }

    private static class Grid
    {
        // Earlier grids chose the other defaults: crisis sign 0.05 (of 0.05-0.2), words' weight 1 (of 0.25-1) and the
        // clause discount 0.4 (of 0.2-0.4). On the 1,523 examples of the fourth round (score = right - 10 x safety misses):
        // weight 1.5 / crisis clause 0.45: 1,427 right, 7 misses; 2 / 0.45: 1,423, 7 or more; 3 / 0.45: 1,418, 6; a crisis
        // clause of 0.35 costs 16 right for no fewer misses. The defaults stay. Requiring a warning-sign word for a crisis reading unless the model is 0.6-0.85
        // sure cut false alarms on training questions (9.3% to 3.9-6.2%) for 7-17 more safety misses, so it is not done.
        // This grid, after the seed examples, searches the safety weight and the two safety thresholds.
        public static readonly float[] SafetyWeight = [1.5f, 2f, 3f];
        public static readonly float[] CrisisClause = [0.35f, 0.45f];
        public static readonly float[] DangerClause = [0.6f];
    }

    private static bool IsSafety(MessageRoute route) => route is MessageRoute.Crisis or MessageRoute.Danger;

    private static List<(RouteExample example, MessageReading reading)> CrossValidate(
        LocalEmbeddingGenerator generator, IReadOnlyList<RouteExample> train, IReadOnlyList<float[]> vectors, UnderstandingTuning tuning)
    {
        var results = new List<(RouteExample, MessageReading)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var inFold = Enumerable.Range(0, train.Count).Where(i => i % Folds == fold).ToHashSet();
            var rest = Enumerable.Range(0, train.Count).Where(i => !inFold.Contains(i)).ToList();
            var model = new MessageUnderstanding(generator, [.. rest.Select(i => train[i])], [.. rest.Select(i => vectors[i])], tuning);
            results.AddRange(inFold.Select(i => (train[i], model.ReadAsync(train[i].Text).GetAwaiter().GetResult())));
        }

        return results;
    }

    private static void Tune(LocalEmbeddingGenerator generator, IReadOnlyList<RouteExample> train, IReadOnlyList<float[]> vectors)
    {
        // Safety recall first, then routing accuracy: the score puts a missed crisis or danger far above any other miss.
        var best = (score: double.MinValue, tuning: new UnderstandingTuning());
        var grid =
            from weight in Grid.SafetyWeight
            from crisisClause in Grid.CrisisClause
            from dangerClause in Grid.DangerClause
            select new UnderstandingTuning { SafetyWeight = weight, CrisisClause = crisisClause, DangerClause = dangerClause };
        foreach (var tuning in grid)
        {
            var results = CrossValidate(generator, train, vectors, tuning);
            var safetyMisses = results.Count(r => IsSafety(r.example.Route) && !IsSafety(r.reading.Route));
            var correct = results.Count(r => r.reading.Route == r.example.Route);
            var score = correct - (10.0 * safetyMisses);
            if (score > best.score)
            {
                best = (score, tuning);
                Console.WriteLine($"{tuning}: {correct}/{results.Count} right, {safetyMisses} safety misses");
            }

        }
    }

    private static string Recall(List<(RouteExample example, MessageReading reading)> results, MessageRoute route)
    {
        var relevant = results.Where(r => r.example.Route == route).ToList();
        return Fraction(relevant.Count(r => r.reading.Route == route), relevant.Count);
    }

    private static string Precision(List<(RouteExample example, MessageReading reading)> results, MessageRoute route)
    {
        var predicted = results.Where(r => r.reading.Route == route).ToList();
        return Fraction(predicted.Count(r => r.example.Route == route), predicted.Count);
    }

    private static string Accuracy(List<(RouteExample example, MessageReading reading)> results) =>
        Fraction(results.Count(r => r.reading.Route == r.example.Route), results.Count);

    private static string FalseAlarms(List<(RouteExample example, MessageReading reading)> results)
    {
        var questions = results.Where(r => r.example.Route == MessageRoute.Guidance).ToList();
        return Fraction(questions.Count(r => IsSafety(r.reading.Route)), questions.Count);
    }

    private static string RefusalKinds(List<(RouteExample example, MessageReading reading)> results)
    {
        // Sets that label the kind only (the fourth held-out set does not): unlabelled refusals are not counted.
        var refused = results.Where(r => r.example.Route == MessageRoute.OutOfScope && r.reading.Route == MessageRoute.OutOfScope && r.example.Refusal != SafetyKind.None).ToList();
        return Fraction(refused.Count(r => r.reading.Refusal == r.example.Refusal), refused.Count);
    }

    // The old regex screen, for danger and crisis only (the routes it had).
    private static string BaselineRecall(List<RouteExample> set, MessageRoute route)
    {
        var kind = route switch { MessageRoute.Danger => SafetyKind.ActiveThreat, MessageRoute.Crisis => SafetyKind.Distress, _ => SafetyKind.None };
        if (kind == SafetyKind.None)
        {
            return "-";
        }

        var screen = new SafetyScreen();
        var relevant = set.Where(e => e.Route == route).ToList();
        return Fraction(relevant.Count(e => screen.Screen(e.Text).Kind is SafetyKind.ActiveThreat or SafetyKind.Distress), relevant.Count);
    }

    private static string Fraction(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}% ({part}/{whole})");
}
