namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Turns a question into weighted index terms: the user's words (typos fixed), then the other
/// members of every synonym group whose phrase occurs in the question, at a lower weight. A term
/// may appear more than once: as the user's word and inside a synonym phrase.
/// </summary>
internal sealed class QueryParser
{
    private const double SynonymWeight = 0.55;
    private const double AcronymWeight = 0.9;
    private const int MaxConcepts = 64;
    private readonly List<string[][]> _groups;
    private readonly Func<string, bool> _isIndexed;
    private readonly TypoCorrector _typos;
    private readonly HashSet<string> _synonymWords;

    public QueryParser(Func<string, bool> isIndexed, TypoCorrector typos)
    {
        _isIndexed = isIndexed;
        _typos = typos;
        _groups = [.. DomainSynonyms.Groups.Select(g => g.Select(p => TextAnalyzer.Terms(p).ToArray()).Where(p => p.Length > 0).ToArray())];
        _synonymWords = [.. SynonymVocabulary];
    }

    /// <summary>All single words of the synonym map, stemmed: typo targets besides the index vocabulary.</summary>
    public IEnumerable<string> SynonymVocabulary => _groups.SelectMany(g => g).SelectMany(p => p).Distinct(StringComparer.Ordinal);

    /// <summary>Parses a question.</summary>
    /// <returns>The weighted terms and the query's content words (concepts), bit i of a mask standing for Words[i].</returns>
    public (List<QueryTerm> Terms, List<string> Words) Parse(string question)
    {
        var words = TextAnalyzer.Terms(question).Distinct(StringComparer.Ordinal).Take(MaxConcepts).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (!_isIndexed(words[i]) && !IsSynonymWord(words[i]))
            {
                words[i] = _typos.Correct(words[i]) ?? words[i];
            }
        }

        var terms = new List<QueryTerm>();
        for (var i = 0; i < words.Count; i++)
        {
            terms.Add(new QueryTerm(words[i], 1.0, 1UL << i, terms.Count));
        }

        // Longest phrases first: a word inside a matched phrase ("family" in "family assistance
        // center") must not also fire its one-word group (relatives, next of kin) and drift away.
        var matches = _groups.Select(g => Match(words, g)).Where(m => m.Mask != 0).OrderByDescending(m => m.Longest).ToList();
        var consumed = 0UL;
        foreach (var (group, matchedMask, longest) in matches)
        {
            if (longest == 1 && (matchedMask & ~consumed) == 0)
            {
                continue;
            }

            consumed |= longest > 1 ? matchedMask : 0;

            // A whole multi-word phrase is an unambiguous concept, so its acronym counts nearly
            // as much as the user's own words. Each phrase is one alternative for the concept.
            foreach (var phrase in group)
            {
                var weight = longest > 1 && phrase.Length == 1 ? AcronymWeight : SynonymWeight;
                var alternative = terms.Count;
                terms.AddRange(phrase.Select(term => new QueryTerm(term, weight, matchedMask, alternative)));
            }
        }

        return (terms, words);
    }

    private static (string[][] Group, ulong Mask, int Longest) Match(List<string> words, string[][] group)
    {
        var mask = 0UL;
        var longest = 0;
        foreach (var phrase in group)
        {
            var found = FindPhrase(words, phrase);
            mask |= found;
            longest = found == 0 ? longest : Math.Max(longest, phrase.Length);
        }

        return (group, mask, longest);
    }

    private bool IsSynonymWord(string word) => _synonymWords.Contains(word);

    // Words were de-duplicated, so a phrase is matched as consecutive words or, failing that, as
    // all its words present anywhere (chiefs write "center for family assistance" too).
    private static ulong FindPhrase(List<string> words, string[] phrase)
    {
        var mask = 0UL;
        foreach (var part in phrase)
        {
            var index = words.IndexOf(part);
            if (index < 0)
            {
                return 0;
            }

            mask |= 1UL << index;
        }

        return mask;
    }
}
