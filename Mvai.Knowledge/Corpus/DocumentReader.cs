using System.Globalization;
using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Corpus;

/// <summary>Turns one guidance file into a validated <see cref="GuidanceDocument"/>.</summary>
internal static partial class DocumentReader
{
    private const string Fence = "---";

    /// <summary>Parses and validates a file; returns the document and the line of its id.</summary>
    public static (GuidanceDocument Document, int IdLine) Read(SourceFile file, string filePath)
    {
        if (file.Lines.Count == 0 || file.Lines[0].Trim() != Fence)
        {
            throw file.Error(1, "file must start with a '---' front matter line");
        }

        var close = -1;
        for (var i = 1; i < file.Lines.Count && close < 0; i++)
        {
            close = file.Lines[i].Trim() == Fence ? i : -1;
        }

        if (close < 0)
        {
            throw file.Error(1, "front matter opened here is never closed by a '---' line");
        }

        var fields = FrontMatterReader.Read(file, 1, close - 1);
        var id = RequireScalar(file, fields, "id");
        if (!IdPattern().IsMatch(id.Scalar!))
        {
            throw file.Error(id.Line, $"id '{id.Scalar}' must be lowercase letters, digits and hyphens");
        }

        var topic = RequireScalar(file, fields, "topic");
        Check(file, topic.Line, "topic", topic.Scalar!, CorpusVocabulary.Topics);
        var sources = ReadSources(file, fields);
        var phases = RequireList(file, fields, "phases", CorpusVocabulary.Phases, "phase");
        var audience = RequireList(file, fields, "audience", CorpusVocabulary.Audiences, "audience");
        var docId = id.Scalar!;
        var passages = PassageReader.Read(file, close + 1).Select((p, n) => new GuidancePassage
        {
            Id = $"{docId}#{n + 1}",
            DocumentId = docId,
            Heading = p.Heading,
            Text = p.Text,
            Questions = p.Questions,
            Sources = [.. p.SourceNumbers.Select(s => s >= 1 && s <= sources.Count
                ? sources[s - 1]
                : throw file.Error(p.SourcesLine, $"source {s} is out of range (the front matter lists {sources.Count})"))],
            Topic = topic.Scalar!,
            Phases = phases,
            Audience = audience,
        }).ToList();
        if (passages.Count == 0)
        {
            throw file.Error(close + 1, "document has no '## ' passage");
        }

        var document = new GuidanceDocument
        {
            Id = docId,
            Title = RequireScalar(file, fields, "title").Scalar!,
            Topic = topic.Scalar!,
            Phases = phases,
            Audience = audience,
            Keywords = fields.TryGetValue("keywords", out var k) ? k.List ?? throw file.Error(k.Line, "keywords must be an inline list like [a, b]") : [],
            LastReviewed = ReadDate(file, RequireScalar(file, fields, "last_reviewed")),
            Sources = sources,
            Passages = passages,
            FilePath = filePath,
        };
        return (document, id.Line);
    }

    private static List<SourceCitation> ReadSources(SourceFile file, Dictionary<string, FrontMatterValue> fields)
    {
        if (!fields.TryGetValue("sources", out var value) || value.Maps is null || value.Maps.Count == 0)
        {
            throw file.Error(value?.Line ?? 1, "missing 'sources:' list with at least one '- title: / url:' entry");
        }

        return [.. value.Maps.Select(map =>
        {
            var title = RequireScalar(file, map, "title", value.Line);
            var url = RequireScalar(file, map, "url", title.Line);
            if (!Uri.TryCreate(url.Scalar, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw file.Error(url.Line, $"source url '{url.Scalar}' must be an absolute http or https address");
            }

            return new SourceCitation(title.Scalar!, uri);
        })];
    }

    private static FrontMatterValue RequireScalar(SourceFile file, IReadOnlyDictionary<string, FrontMatterValue> fields, string key, int missingLine = 1)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            throw file.Error(missingLine, $"missing required field '{key}'");
        }

        return string.IsNullOrWhiteSpace(value.Scalar) ? throw file.Error(value.Line, $"'{key}' must be a non-empty text value") : value;
    }

    private static List<string> RequireList(SourceFile file, Dictionary<string, FrontMatterValue> fields, string key, IReadOnlyList<string> known, string what)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            throw file.Error(1, $"missing required field '{key}'");
        }

        if (value.List is not { Count: > 0 } list)
        {
            throw file.Error(value.Line, $"'{key}' must be a non-empty inline list like [a, b]");
        }

        foreach (var item in list)
        {
            Check(file, value.Line, what, item, known);
        }

        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    private static void Check(SourceFile file, int line, string what, string value, IReadOnlyList<string> known)
    {
        if (!known.Contains(value, StringComparer.Ordinal))
        {
            throw file.Error(line, $"unknown {what} '{value}' (expected one of: {string.Join(", ", known)})");
        }
    }

    private static DateOnly ReadDate(SourceFile file, FrontMatterValue value) =>
        DateOnly.TryParseExact(value.Scalar, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw file.Error(value.Line, $"last_reviewed '{value.Scalar}' must be a date like 2026-11-24");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
