namespace Mvai.Knowledge.Eval;

/// <summary>Figures of one system on one guidance set (rates 0..1, latency in milliseconds), and its misses.</summary>
internal sealed record GuidanceScore(
    double Top1, double Top3, double Facts, double RefusedAnswerable, double RefusedBySafety, double RefusedUnanswerable, double CaveatedAnswerable, double P50, double P99, IReadOnlyList<string> Misses)
{
    private const int TimingRounds = 3;

    public static GuidanceScore Measure(IEvaluatedSystem system, IReadOnlyList<GuidanceCase> cases, int timingRounds = TimingRounds)
    {
        int answerable = 0, top1 = 0, top3 = 0, facts = 0, refused = 0, bySafety = 0, unanswerable = 0, declined = 0, caveated = 0;
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var (documents, reply, outcome) = system.Run(c.Question);
            // An uncovered question is handled well when refused or answered under a caveat; an answerable one is answered either way.
            var answered = outcome is "Answered" or "Caveated";
            if (!c.Answerable)
            {
                unanswerable++;
                declined += outcome == "Answered" ? 0 : 1;
                Miss(outcome == "Answered", $"answered an unanswerable question (top {First(documents)})");
                continue;
            }

            answerable++;
            refused += answered ? 0 : 1;
            caveated += outcome == "Caveated" ? 1 : 0;
            bySafety += answered || outcome == "LowConfidence" ? 0 : 1;
            top1 += documents.Take(1).Any(c.Documents.Contains) ? 1 : 0;
            top3 += documents.Take(3).Any(c.Documents.Contains) ? 1 : 0;
            var missing = c.Facts.Where(group => !group.Any(f => reply.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
            facts += answered && missing.Count == 0 ? 1 : 0;
            Miss(!answered, $"refused, {outcome} (top {First(documents)})");
            Miss(answered && !documents.Take(1).Any(c.Documents.Contains), $"top1 {First(documents)} not in [{string.Join(", ", c.Documents)}]");
            Miss(answered && missing.Count > 0, $"facts missing: {string.Join(" | ", missing.Select(g => string.Join("/", g)))}");

            void Miss(bool when, string what)
            {
                if (when)
                {
                    misses.Add($"{what}: {c.Question}");
                }
            }
        }

        var (p50, p99) = timingRounds > 0 ? Evaluator.Latency(system, [.. cases.Select(c => c.Question)], timingRounds) : (0, 0);
        return new GuidanceScore(Rate(top1, answerable), Rate(top3, answerable), Rate(facts, answerable), Rate(refused, answerable), Rate(bySafety, answerable),
            Rate(declined, unanswerable), Rate(caveated, answerable), p50, p99, misses);
    }

    private static string First(IReadOnlyList<string> documents) => documents.Count > 0 ? documents[0] : "-";

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
