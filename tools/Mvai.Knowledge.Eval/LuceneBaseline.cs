using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Eval;

/// <summary>
/// Plain Lucene BM25 over the same passages: heading, document title, keywords and body in one
/// unweighted field, StandardAnalyzer (lower case, English stop words), no synonyms, no safety
/// layer. The answer is built the same extractive way (first two sentences of the top passage,
/// first sentence of the next two) so fact coverage compares retrieval, not wording.
/// </summary>
public sealed class LuceneBaseline : IEvaluatedSystem, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly GuidancePassage[] _passages;

    /// <summary>Indexes every passage of the corpus.</summary>
    /// <param name="corpus">The corpus.</param>
    public LuceneBaseline(GuidanceCorpus corpus)
    {
        _passages = [.. corpus.Passages];
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < _passages.Length; i++)
            {
                var p = _passages[i];
                var doc = corpus.FindDocument(p.DocumentId)!;
                var text = $"{p.Heading}\n{doc.Title}\n{string.Join(' ', doc.Keywords)}\n{p.Text}";
                writer.AddDocument([new StoredField("i", i), new TextField("text", text, Field.Store.NO)]);
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <inheritdoc/>
    public string Name => "Lucene BM25";

    /// <inheritdoc/>
    public (IReadOnlyList<string> Documents, string Reply, string Outcome) Run(string question)
    {
        // What the classic query parser does for free text: analyze, then OR the terms.
        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return ([], string.Empty, "LowConfidence");
        }

        var hits = _searcher.Search(query, 10).ScoreDocs
            .Select(d => _passages[_searcher.Doc(d.Doc).GetField("i").GetInt32Value()!.Value]).ToList();
        if (hits.Count == 0)
        {
            return ([], string.Empty, "LowConfidence");
        }

        var reply = string.Join(' ', Answering.SentenceSplitter.Split(hits[0].Text).Take(2)
            .Concat(hits.Skip(1).Take(2).Select(h => Answering.SentenceSplitter.Split(h.Text) is { Count: > 0 } s ? s[0] : string.Empty)));
        return (hits.Select(h => h.DocumentId).Distinct().ToList(), reply, "Answered");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
