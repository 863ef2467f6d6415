using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Answering;

/// <summary>
/// Tells when the best guidance is close to a question but may not answer it: the question is built around a word the
/// guidance never uses ("psob", "consulate", "wheelchairs") while the best passage is only loosely similar to it. Such a question still gets
/// the closest guidance, under a caveat, rather than a confident answer to something it did not ask. (A second rule, a
/// question asking for a figure the answer does not give, caught few more on the training set and was left out.)
/// </summary>
internal static class CoverageCheck
{
    // Measured on the training questions (guidance-train*.jsonl, 55 of them not covered): below both, a question with a
    // telling unfamiliar word was uncovered far more often than not.
    private const double LooseSimilarity = 0.55;
    private const double LooseCoverage = 0.4;
    private const int ShortestTellingWord = 4;

    // Everyday words of chat that the guidance has no reason to use; missing from it, they say nothing about coverage.
    private static readonly HashSet<string> Everyday = new(
        """
        tonight tonite today tomorrow tmrw yesterday afternoon morning ago week weeks wks yrs month months there theyre
        theyll weve doesnt wont dont cant didnt isnt wasnt arent shouldnt couldnt wouldnt supposed couple kind type random
        mess mention mostly throw shld really basically actually please thanks okay
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(TextAnalyzer.Stem),
        StringComparer.Ordinal);

    /// <summary>The caveat to show above the answer, or null when the answer plainly fits the question.</summary>
    /// <param name="best">The best hit the answer is built on.</param>
    /// <param name="unfamiliar">The question's words the guidance never uses (<see cref="GuidanceIndex.UnfamiliarWords"/>);
    /// asked only for a loose match, so a well-matched question is not parsed a second time.</param>
    public static string? Caveat(SearchHit best, Func<IReadOnlyList<string>> unfamiliar)
    {
        var loose = best.Similarity is { } similarity && similarity < LooseSimilarity && best.Coverage < LooseCoverage;
        return loose && unfamiliar().Any(Telling)
            ? "I may not have guidance on exactly what you asked. Here is the closest I have; an MVAI peer advisor can answer the specifics."
            : null;
    }

    private static bool Telling(string word) =>
        word.Length >= ShortestTellingWord && !word.Any(char.IsDigit) && !Everyday.Contains(word);
}
