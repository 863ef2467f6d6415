using System.Globalization;
using System.Text.Json;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Eval;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;

// Usage: dotnet run --project tools/Mvai.Knowledge.Eval [-- --misses]
//        dotnet run --project tools/Mvai.Knowledge.Eval -- understanding [--misses] [--tune]
//        dotnet run -c Release --project tools/Mvai.Knowledge.Eval -- guidance [--misses]
if (args is ["understanding", ..])
{
    UnderstandingEval.Run(args);
    return;
}

if (args is ["guidance", ..])
{
    GuidanceEval.Run(args);
    return;
}

var setPath = Path.Combine(AppContext.BaseDirectory, "eval-set.json");
var cases = JsonSerializer.Deserialize<List<EvalCase>>(File.ReadAllText(setPath), new JsonSerializerOptions(JsonSerializerDefaults.Web))
    ?? throw new InvalidOperationException("Empty evaluation set.");
var corpus = CorpusLoader.LoadDefault();
var index = new GuidanceIndex(corpus);
if (args is ["--explain", .. var questions])
{
    // Shows why a question ranks as it does in the shipped (hybrid) index: hits with scores, BM25F, coverage and
    // similarity, then the answer sent.
    var hybrid = new GuidanceIndex(corpus, new Mvai.Knowledge.Embeddings.LocalEmbeddingGenerator(Mvai.Knowledge.Embeddings.LocalSentenceEmbedder.Shared));
    var explainer = new GuidanceAnswerer(hybrid, new SafetyScreen());
    foreach (var question in questions)
    {
        Console.WriteLine($"\n> {question}");
        hybrid.Search(question, 6).ToList().ForEach(h => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {h.Score,7:F2} {h.Lexical,7:F2} {h.Coverage,5:F2} {h.Similarity,6:F3} {h.Passage.Id}")));
        var answer = explainer.Answer(question);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{answer.Kind}, confidence {answer.Confidence:F2}]"));
        Console.WriteLine(AnswerFormatter.Format(answer));
        answer.RelatedTopics.ToList().ForEach(t => Console.WriteLine("  related: " + t));
    }

    return;
}

using var lucene = new LuceneBaseline(corpus);
var reports = new[]
{
    Evaluator.Evaluate(new OurSystem("MVAI retrieval", index, new GuidanceAnswerer(index, new SafetyScreen())), cases),
    Evaluator.Evaluate(lucene, cases),
};

var ordinary = cases.Count(c => c.ExpectedOutcome is null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{cases.Count} questions: {ordinary} ordinary, {cases.Count - ordinary} safety / out-of-scope / low-confidence; {corpus.Passages.Count} passages"));
Console.WriteLine($"{"metric",-34}{reports[0].System,18}{reports[1].System,18}");
Row("top-1 document hit rate", r => Pct(r.Top1));
Row("top-3 document hit rate", r => Pct(r.Top3));
Row("answers with expected facts", r => Pct(r.Facts));
Row("safety/low-confidence pass rate", r => Pct(r.SafetyPass));
Row("ordinary questions refused", r => Pct(r.FalseRefusals));
Row("latency p50 (ms, whole answer)", r => r.P50.ToString("F3", CultureInfo.InvariantCulture));
Row("latency p99 (ms, whole answer)", r => r.P99.ToString("F3", CultureInfo.InvariantCulture));
if (args.Contains("--misses"))
{
    foreach (var report in reports)
    {
        Console.WriteLine($"\nMisses of {report.System}:");
        report.Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
    }
}

void Row(string name, Func<EvalReport, string> value) => Console.WriteLine($"{name,-34}{value(reports[0]),18}{value(reports[1]),18}");

static string Pct(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
