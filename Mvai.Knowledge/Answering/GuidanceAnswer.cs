using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Answering;

/// <summary>A reply to a question, built only from curated guidance or the fixed safety replies.</summary>
public sealed record GuidanceAnswer
{
    /// <summary>What kind of reply this is.</summary>
    public required AnswerKind Kind { get; init; }

    /// <summary>The safety classification; <see cref="SafetyKind.None"/> unless <see cref="Kind"/> is Safety.</summary>
    public SafetyKind Safety { get; init; }

    /// <summary>The heading of the best passage, the gist in a few words (shown as the answer's title); null when not answered from a passage.</summary>
    public string? Headline { get; init; }

    /// <summary>One or two sentences to send first.</summary>
    public required string ShortAnswer { get; init; }

    /// <summary>Up to four further points: the best passage's own, then those of passages answering the same question; no duplicates; may be empty.</summary>
    public IReadOnlyList<string> KeyPoints { get; init; } = [];

    /// <summary>The sources behind the answer, de-duplicated by address.</summary>
    public IReadOnlyList<SourceCitation> Citations { get; init; } = [];

    /// <summary>The passages the answer was built from, best first.</summary>
    public IReadOnlyList<GuidancePassage> Passages { get; init; } = [];

    /// <summary>
    /// Titles of related guidance the answer did not cite, best first, to offer as follow-ups; sent
    /// back as a question, each title retrieves its own topic. Empty for safety replies.
    /// </summary>
    public IReadOnlyList<string> RelatedTopics { get; init; } = [];

    /// <summary>
    /// Set when the guidance may not answer what was asked, though it has something close: a question built around words
    /// the guidance never uses, or asking for a number the answer does not give. Channels show it above the answer, so a
    /// chief reads the closest guidance as such and knows an advisor can answer the specifics; null for a plain answer.
    /// </summary>
    public string? Caveat { get; init; }

    /// <summary>Confidence 0..1 that the passages answer the question.</summary>
    public double Confidence { get; init; }

    /// <summary>
    /// Whether a language model wrote <see cref="ShortAnswer"/> (channels label such answers "AI generated"); false for
    /// curated text quoted as written. A model answer cites passages as <c>[n]</c>, n counting <see cref="Passages"/> from 1.
    /// </summary>
    public bool ModelWritten { get; init; }
}
