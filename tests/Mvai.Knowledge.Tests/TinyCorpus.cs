using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Tests;

/// <summary>Builds a small in-memory corpus so a ranking rule can be shown on passages written for the test.</summary>
internal static class TinyCorpus
{
    private static readonly SourceCitation Source = new("Test source", new Uri("https://example.org/guide"));

    /// <summary>One document per id; each passage text becomes a passage with heading "Heading n".</summary>
    public static GuidanceCorpus Build(params (string Id, string Phase, string[] Passages)[] documents) =>
        new([.. documents.Select(d => new GuidanceDocument
        {
            Id = d.Id,
            Title = "Document " + d.Id,
            Topic = "media",
            Phases = [d.Phase],
            Audience = ["chief"],
            Keywords = [],
            LastReviewed = new DateOnly(2026, 11, 24),
            Sources = [Source],
            FilePath = d.Id + ".md",
            Passages = [.. d.Passages.Select((text, n) => new GuidancePassage
            {
                Id = $"{d.Id}#{n + 1}",
                DocumentId = d.Id,
                Heading = $"Heading {n + 1}",
                Text = text,
                Sources = [Source],
                Topic = "media",
                Phases = [d.Phase],
                Audience = ["chief"],
            })],
        })]);

    /// <summary>Passages that share no word with the test questions, so words have realistic rarity.</summary>
    public static (string, string, string[]) Filler(string id) =>
        (id, "weeks", ["Plan the budget with the city council.", "Train supervisors every spring.", "Review the policy manual yearly."]);
}
