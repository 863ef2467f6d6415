using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Corpus;

/// <summary>
/// Splits the Markdown body into <c>## </c> passages and checks that each one ends with its
/// <c>Sources: n[, m...]</c> line, because an uncited passage must never reach a user.
/// </summary>
internal static partial class PassageReader
{
    private const string HeadingPrefix = "## ";

    /// <summary>Reads the body from the 0-based line <paramref name="first"/> to the end.</summary>
    public static List<RawPassage> Read(SourceFile file, int first)
    {
        var passages = new List<RawPassage>();
        int? headingIndex = null;
        for (var i = first; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            if (line.StartsWith(HeadingPrefix, StringComparison.Ordinal) || line.TrimEnd() == "##")
            {
                if (headingIndex is { } open)
                {
                    passages.Add(Finish(file, open, i - 1));
                }

                headingIndex = i;
            }
            else if (headingIndex is null && line.Trim().Length > 0)
            {
                throw file.Error(i + 1, "text before the first '## ' passage heading");
            }
        }

        if (headingIndex is { } last)
        {
            passages.Add(Finish(file, last, file.Lines.Count - 1));
        }

        return passages;
    }

    // Lines headingIndex..lastIndex (0-based, inclusive) hold one passage.
    private static RawPassage Finish(SourceFile file, int headingIndex, int lastIndex)
    {
        var headingLine = headingIndex + 1;
        var heading = file.Lines[headingIndex].TrimStart('#').Trim();
        if (heading.Length == 0)
        {
            throw file.Error(headingLine, "passage heading is empty");
        }

        while (lastIndex > headingIndex && file.Lines[lastIndex].Trim().Length == 0)
        {
            lastIndex--;
        }

        for (var i = headingIndex + 1; i < lastIndex; i++)
        {
            if (IsSourcesLine(file.Lines[i]))
            {
                throw file.Error(i + 1, "'Sources:' must be the last line of its passage");
            }
        }

        if (lastIndex == headingIndex || !IsSourcesLine(file.Lines[lastIndex]))
        {
            throw file.Error(headingLine, $"passage '{heading}' does not end with a 'Sources: n[, m...]' line");
        }

        var sourcesLine = lastIndex + 1;
        var match = SourcesPattern().Match(file.Lines[lastIndex].Trim());
        if (!match.Success)
        {
            throw file.Error(sourcesLine, "malformed Sources line (expected 'Sources: 1, 2')");
        }

        var numbers = match.Groups["list"].Value.Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var text = string.Join('\n', file.Lines.Skip(headingIndex + 1).Take(lastIndex - headingIndex - 1).Select(l => l.TrimEnd())).Trim();
        if (text.Length == 0)
        {
            throw file.Error(headingLine, $"passage '{heading}' has no text");
        }

        return new RawPassage(headingLine, heading, text, sourcesLine, numbers);
    }

    private static bool IsSourcesLine(string line) =>
        line.TrimStart().StartsWith("Sources:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^Sources:\s*(?<list>[0-9]{1,3}(\s*,\s*[0-9]{1,3})*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourcesPattern();
}
