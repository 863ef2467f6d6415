namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Fixes one-letter typos ("donatoins", "reunifcation") against the index vocabulary. A
/// single-deletion table is built once at load, so a lookup is a few hash probes, not a scan.
/// </summary>
internal sealed class TypoCorrector
{
    private const int MinLength = 5;
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Func<string, int> _frequency;

    public TypoCorrector(IEnumerable<string> vocabulary, Func<string, int> frequency)
    {
        _frequency = frequency;
        foreach (var term in vocabulary)
        {
            Add(term, term);
            if (term.Length < MinLength - 1)
            {
                continue;
            }

            for (var i = 0; i < term.Length; i++)
            {
                Add(term.Remove(i, 1), term);
            }
        }
    }

    /// <summary>The most frequent vocabulary term at edit distance 1, or null.</summary>
    public string? Correct(string term)
    {
        if (term.Length < MinLength)
        {
            return null;
        }

        var candidates = new HashSet<string>(StringComparer.Ordinal);
        Collect(term, candidates);
        for (var i = 0; i < term.Length; i++)
        {
            Collect(term.Remove(i, 1), candidates);
        }

        return candidates.Where(c => IsOneEditAway(term, c)).OrderByDescending(_frequency).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
    }

    private void Add(string key, string term)
    {
        if (!_byDeletion.TryGetValue(key, out var list))
        {
            _byDeletion[key] = list = [];
        }

        if (!list.Contains(term))
        {
            list.Add(term);
        }
    }

    private void Collect(string key, HashSet<string> into)
    {
        if (_byDeletion.TryGetValue(key, out var list))
        {
            into.UnionWith(list);
        }
    }

    // Optimal string alignment distance <= 1: one insertion, deletion, substitution or swap.
    internal static bool IsOneEditAway(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return a == b;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            var restEqual = a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1));
            var swapped = prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
            return restEqual || swapped;
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix));
    }
}
