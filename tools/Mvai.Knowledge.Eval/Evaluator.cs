using System.Diagnostics;

namespace Mvai.Knowledge.Eval;

/// <summary>Runs a system over the evaluation set and computes hit rates, fact coverage, safety and latency.</summary>
public static class Evaluator
{
    private const int TimingRounds = 20;

    /// <summary>Evaluates a system.</summary>
    /// <param name="system">The system.</param>
    /// <param name="cases">The evaluation set.</param>
    /// <returns>The report.</returns>
    public static EvalReport Evaluate(IEvaluatedSystem system, IReadOnlyList<EvalCase> cases)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(cases);
        int retrieval = 0, top1 = 0, top3 = 0, factCases = 0, facts = 0, safetyCases = 0, safetyPass = 0, ordinary = 0, refused = 0;
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var (documents, reply, outcome) = system.Run(c.Question);
            if (c.ExpectedOutcome is not null)
            {
                safetyCases++;
                safetyPass += outcome == c.ExpectedOutcome ? 1 : 0;
                if (outcome != c.ExpectedOutcome)
                {
                    misses.Add($"outcome {outcome} != {c.ExpectedOutcome}: {c.Question}");
                }

                continue;
            }

            ordinary++;
            refused += outcome == "Answered" ? 0 : 1;
            retrieval++;
            var hit1 = documents.Take(1).Any(c.ExpectedDocuments.Contains);
            top1 += hit1 ? 1 : 0;
            top3 += documents.Take(3).Any(c.ExpectedDocuments.Contains) ? 1 : 0;
            if (!hit1)
            {
                misses.Add($"top1 {(documents.Count > 0 ? documents[0] : "-")} ({outcome}): {c.Question}");
            }

            if (c.ExpectedFacts.Count > 0)
            {
                factCases++;
                var missing = c.ExpectedFacts.Where(f => !reply.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
                facts += missing.Count == 0 ? 1 : 0;
                if (missing.Count > 0)
                {
                    misses.Add($"facts [{string.Join(", ", missing)}] missing ({outcome}): {c.Question}");
                }
            }
        }

        var (p50, p99) = Latency(system, [.. cases.Select(c => c.Question)]);
        return new EvalReport(system.Name, Rate(top1, retrieval), Rate(top3, retrieval), Rate(facts, factCases),
            Rate(safetyPass, safetyCases), Rate(refused, ordinary), p50, p99, misses);
    }

    /// <summary>Median and 99th-percentile time of whole runs, after one warm-up pass.</summary>
    /// <param name="system">The system.</param>
    /// <param name="questions">The questions to time.</param>
    /// <param name="rounds">How many timed passes over the questions.</param>
    /// <returns>p50 and p99 in milliseconds.</returns>
    internal static (double P50, double P99) Latency(IEvaluatedSystem system, IReadOnlyList<string> questions, int rounds = TimingRounds)
    {
        foreach (var question in questions)
        {
            system.Run(question);
        }

        var samples = new List<double>(questions.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var start = Stopwatch.GetTimestamp();
                system.Run(question);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        return (samples[(int)(samples.Count * 0.50)], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.99))]);
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
