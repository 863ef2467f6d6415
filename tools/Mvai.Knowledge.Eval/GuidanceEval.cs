using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Eval;

/// <summary>
/// Scores guidance answering on the training and the frozen held-out set side by side: the shipped hybrid (BM25F fused
/// with all-MiniLM-L6-v2), BM25F alone, and plain Lucene BM25. Misses are listed for the training set only: the held-out
/// set is only ever scored.
/// Usage: dotnet run -c Release --project tools/Mvai.Knowledge.Eval -- guidance [--train-only] [--misses | --dump | --tune | --ask \"question\"...]
/// </summary>
internal static class GuidanceEval
{
    public static void Run(string[] args)
    {
        List<GuidanceCase> train = [.. Load("guidance-train.jsonl"), .. Load("guidance-train-d.jsonl")];
        // --train-only while tuning: the held-out set is not even scored, so no figure of it can steer a choice.
        List<GuidanceCase> heldOut = args.Contains("--train-only") ? [] : Load("guidance-heldout-f.jsonl");
        var corpus = CorpusLoader.LoadDefault();
        var hybrid = new GuidanceIndex(corpus, new LocalEmbeddingGenerator(LocalSentenceEmbedder.Shared));
        var started = Stopwatch.GetTimestamp();
        hybrid.Search("warm up", 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model load and passage vectors (from the disk cache when present): {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; process RSS {Process.GetCurrentProcess().WorkingSet64 >> 20} MiB"));
        var lexical = new GuidanceIndex(corpus);
        using var lucene = new LuceneBaseline(corpus);
        IEvaluatedSystem[] systems =
        [
            new OurSystem("hybrid", hybrid, new GuidanceAnswerer(hybrid, new SafetyScreen())),
            new OurSystem("BM25F", lexical, new GuidanceAnswerer(lexical, new SafetyScreen())),
            lucene,
        ];
        if (args is [_, "--ask", .. var questions])
        {
            // Shows the shipped answer to the given questions: kind, caveat, headline, lead and points.
            var answerer = new GuidanceAnswerer(hybrid, new SafetyScreen());
            foreach (var question in questions)
            {
                var answer = answerer.Answer(question);
                Console.WriteLine($"Q: {question}\n{answer.Kind} (confidence {answer.Confidence:F2})\n{AnswerFormatter.Format(answer)}\n");
            }

            return;
        }

        if (args.Contains("--tune"))
        {
            // Training set only: the fusion's weights, each combination scored as the answerer would use it.
            var generator = new LocalEmbeddingGenerator(LocalSentenceEmbedder.Shared);
            foreach (var dense in new[] { 0.5, 0.6, 0.7, 0.8 })
            {
                foreach (var lessons in new[] { 0.7, 0.85, 1.0 })
                {
                    var index = new GuidanceIndex(corpus, generator) { DenseWeight = dense, LessonsWeight = lessons };
                    var score = GuidanceScore.Measure(new OurSystem("tuned", index, new GuidanceAnswerer(index, new SafetyScreen())), train, timingRounds: 0);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"dense {dense:F2} lessons {lessons:F2}: top1 {Pct(score.Top1)} top3 {Pct(score.Top3)} facts {Pct(score.Facts)} refused {Pct(score.RefusedAnswerable)}"));
                }
            }

            return;
        }

        if (args.Contains("--dump"))
        {
            // Training questions only: the best hybrid hit's similarity and lexical evidence, to set confidence by.
            foreach (var c in train)
            {
                var hits = hybrid.Search(c.Question, 16);
                var top = hits.Count > 0 ? hits[0] : null;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(c.Answerable ? "A" : "U")} {(top is not null && c.Documents.Contains(top.Passage.DocumentId) ? "hit " : "miss")} sim {top?.Similarity:F3} question {top?.QuestionSimilarity:F3} bm25f {top?.Lexical:F2} coverage {top?.Coverage:F2} unfamiliar {hybrid.UnfamiliarWords(c.Question).Count} [{string.Join(",", hybrid.UnfamiliarWords(c.Question))}] {top?.Passage.Id,-40} {c.Question}"));
            }

            return;
        }

        var scores = systems.Select(s => (Train: GuidanceScore.Measure(s, train), HeldOut: heldOut.Count > 0 ? GuidanceScore.Measure(s, heldOut) : null)).ToList();

        Console.WriteLine($"{train.Count} training questions ({train.Count(c => !c.Answerable)} unanswerable), " +
            $"{heldOut.Count} held-out ({heldOut.Count(c => !c.Answerable)} unanswerable); {corpus.Passages.Count} passages");
        var header = string.Concat(systems.Select(s => $"{"train " + s.Name,18}")) + (heldOut.Count > 0 ? string.Concat(systems.Select(s => $"{"held-out " + s.Name,22}")) : "");
        Console.WriteLine($"{"metric",-36}{header}");
        Row("top-1 document hit", s => Pct(s.Top1));
        Row("top-3 document hit", s => Pct(s.Top3));
        Row("answers with expected facts", s => Pct(s.Facts));
        Row("answerable questions refused", s => Pct(s.RefusedAnswerable));
        Row("  of them by the safety screen", s => Pct(s.RefusedBySafety));
        Row("answerable answered under a caveat", s => Pct(s.CaveatedAnswerable));
        Row("uncovered refused or caveated", s => Pct(s.RefusedUnanswerable));
        Row("latency p50 (ms, whole answer)", s => s.P50.ToString("F2", CultureInfo.InvariantCulture));
        Row("latency p99 (ms, whole answer)", s => s.P99.ToString("F2", CultureInfo.InvariantCulture));
        if (args.Contains("--misses"))
        {
            Console.WriteLine($"\nTraining misses of {systems[0].Name}:");
            scores[0].Train.Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
        }

        void Row(string name, Func<GuidanceScore, string> value) => Console.WriteLine(
            $"{name,-36}" + string.Concat(scores.Select(s => $"{value(s.Train),18}")) + string.Concat(scores.Where(s => s.HeldOut is not null).Select(s => $"{value(s.HeldOut!),22}")));
    }

    private static List<GuidanceCase> Load(string file)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Sets", file))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<GuidanceCase>(line, options) ?? throw new InvalidOperationException($"Empty line in {file}."))];
    }

    private static string Pct(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
