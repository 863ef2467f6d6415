using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Corpus;

/// <summary>
/// Splits the Markdown body into <c>## </c> passages and checks that each one ends with its
/// <c>Sources: n[, m...]</c> line, because an uncited passage must never reach a user. An optional
/// <c>Questions:</c> block of <c>- </c> items right before that line holds the passage's alternate questions.
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
        var questionsIndex = FindQuestionsLine(file, headingIndex, lastIndex);
        var textEnd = questionsIndex ?? lastIndex;
        var text = string.Join('\n', file.Lines.Skip(headingIndex + 1).Take(textEnd - headingIndex - 1).Select(l => l.TrimEnd())).Trim();
        if (text.Length == 0)
        {
            throw file.Error(headingLine, $"passage '{heading}' has no text");
        }

        var questions = questionsIndex is { } q ? ReadQuestions(file, q, lastIndex) : [];
        return new RawPassage(headingLine, heading, text, sourcesLine, numbers) { Questions = questions };
    }

    // The 0-based index of the passage's 'Questions:' line, if it has one; there may be only one.
    private static int? FindQuestionsLine(SourceFile file, int headingIndex, int lastIndex)
    {
        int? found = null;
        for (var i = headingIndex + 1; i < lastIndex; i++)
        {
            if (!IsQuestionsLine(file.Lines[i]))
            {
                continue;
            }

            if (found is not null)
            {
                throw file.Error(i + 1, "a passage may have only one 'Questions:' block");
            }

            found = i;
        }

        return found;
    }

    // Lines after 'Questions:' up to the Sources line: '- ' items, blank lines between them allowed.
    private static List<string> ReadQuestions(SourceFile file, int questionsIndex, int sourcesIndex)
    {
        var questions = new List<string>();
        for (var i = questionsIndex + 1; i < sourcesIndex; i++)
        {
            var line = file.Lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("- ", StringComparison.Ordinal) || line[2..].Trim().Length == 0)
            {
                throw file.Error(i + 1, "a 'Questions:' block holds only '- question' lines and must come right before the Sources line");
            }

            var question = line[2..].Trim();
            if (questions.Contains(question, StringComparer.OrdinalIgnoreCase))
            {
                throw file.Error(i + 1, $"question '{question}' is listed twice");
            }

            questions.Add(question);
        }

        return questions.Count > 0 ? questions : throw file.Error(questionsIndex + 1, "'Questions:' block has no '- question' lines");
    }

    private static bool IsQuestionsLine(string line) => line.Trim().Equals("Questions:", StringComparison.OrdinalIgnoreCase);

    private static bool IsSourcesLine(string line) =>
        line.TrimStart().StartsWith("Sources:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^Sources:\s*(?<list>[0-9]{1,3}(\s*,\s*[0-9]{1,3})*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourcesPattern();
}
