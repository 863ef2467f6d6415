using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Understanding;

/// <summary>
/// A message as the route model sees it: its sentence embedding (meaning) and hashed words and word pairs (the exact
/// words that meaning blurs: "status", "request", "right now", "mvai"). Words are hashed so no vocabulary is stored.
/// </summary>
public static partial class RouteFeatures
{
    /// <summary>Buckets of the hashed word features.</summary>
    public const int WordBuckets = 1 << 14;

    /// <summary>The hashed word and word-pair features of a normalised message, each of weight 1/sqrt(count).</summary>
    /// <param name="normalized">Normalised text (<see cref="MessageText.Normalize"/>).</param>
    /// <param name="scale">The words' weight beside the embedding.</param>
    /// <returns>Distinct bucket indexes and the weight they all share.</returns>
    public static (int[] Buckets, float Weight) Words(string normalized, float scale = 1f)
    {
        var words = Word().Matches(normalized.Replace("'", string.Empty, StringComparison.Ordinal)).Select(m => m.Value).ToArray();
        var buckets = new HashSet<int>();
        for (var i = 0; i < words.Length; i++)
        {
            buckets.Add(Bucket(words[i]));
            if (i + 1 < words.Length)
            {
                buckets.Add(Bucket(words[i] + " " + words[i + 1]));
            }
        }

        return ([.. buckets], buckets.Count == 0 ? 0f : scale / MathF.Sqrt(buckets.Count));
    }

    // FNV-1a: stable across processes (string.GetHashCode is randomised per process, and the model is trained per process
    // but must read a message the same way every time).
    private static int Bucket(string feature)
    {
        var hash = 2166136261u;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % WordBuckets);
    }

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
