using System.Text.RegularExpressions;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Answering;

/// <summary>
/// Picks the sentences of a passage that answer the question: each sentence is worth the summed
/// weight of the (expanded, rarity-weighted) question terms it contains. Sentences that lean on
/// the one before ("This was...", "It follows...") or only introduce a list are not sent alone.
/// </summary>
internal sealed partial class SentencePicker(IReadOnlyDictionary<string, double> termWeights)
{
    private const int MinStandaloneLength = 40;

    /// <summary>Splits every passage once, so answering costs no tokenizing of passage text.</summary>
    public static Dictionary<string, PassageSentence[]> Prepare(IEnumerable<GuidancePassage> passages) =>
        passages.ToDictionary(
            p => p.Id,
            p => SentenceSplitter.Split(p.Text)
                .Select(s => new PassageSentence(s, [.. TextAnalyzer.Terms(s).Distinct(StringComparer.Ordinal)], StandsAlone(s)))
                .ToArray(),
            StringComparer.Ordinal);

    // With embeddings, closeness in meaning ranks the sentences and the question's words add up to this much on top.
    private const double LexicalShare = 0.5;

    public double Relevance(PassageSentence sentence) => sentence.Terms.Sum(t => termWeights.GetValueOrDefault(t));

    /// <summary>The most relevant sentence that stands alone and is not excluded, or null.</summary>
    /// <param name="sentences">The passage's sentences, in order.</param>
    /// <param name="similarities">Each sentence's cosine similarity to the question, same order; null to rank by words alone.</param>
    /// <param name="excluded">Sentences already sent.</param>
    public string? BestPoint(IReadOnlyList<PassageSentence> sentences, IReadOnlyList<double>? similarities, Func<string, bool> excluded)
    {
        var lexical = sentences.Select(Relevance).ToArray();
        var top = Math.Max(lexical.DefaultIfEmpty(0).Max(), 1e-9);
        return sentences.Select((s, i) => (Sentence: s, Index: i))
            .Where(x => x.Sentence.StandsAlone && !excluded(x.Sentence.Text))
            .OrderByDescending(x => similarities is { } sims && sims.Count == sentences.Count
                ? sims[x.Index] + (LexicalShare * lexical[x.Index] / top)
                : lexical[x.Index])
            .ThenBy(x => x.Index)
            .Select(x => x.Sentence.Text).FirstOrDefault();
    }

    internal static bool StandsAlone(string sentence) =>
        sentence.Length >= MinStandaloneLength && !sentence.EndsWith(':') && !LeansOnContext().IsMatch(sentence);

    [GeneratedRegex(@"^(This|That|These|Those|It|Its|They|Their|He|She|His|Her|Both|Such|Here|There)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeansOnContext();
}

/// <summary>One sentence of a passage with its index terms.</summary>
/// <param name="Text">The sentence as sent.</param>
/// <param name="Terms">Its distinct stemmed terms.</param>
/// <param name="StandsAlone">Whether it reads well without the sentence before it.</param>
internal sealed record PassageSentence(string Text, string[] Terms, bool StandsAlone);
