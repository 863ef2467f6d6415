namespace Mvai.Knowledge.Corpus;

/// <summary>
/// Reads the restricted YAML subset of the guidance front matter. A full YAML library would
/// accept far more than the corpus allows; a small reader of our own keeps the format strict and
/// lets every error name its line.
/// </summary>
internal static class FrontMatterReader
{
    private static readonly HashSet<string> KnownKeys =
        ["id", "title", "topic", "phases", "audience", "keywords", "last_reviewed", "sources"];

    private static readonly HashSet<string> SourceKeys = ["title", "url"];

    /// <summary>Reads lines <paramref name="first"/> to <paramref name="last"/> (0-based, inclusive).</summary>
    public static Dictionary<string, FrontMatterValue> Read(SourceFile file, int first, int last)
    {
        var values = new Dictionary<string, FrontMatterValue>(StringComparer.Ordinal);
        var i = first;
        while (i <= last)
        {
            var lineNumber = i + 1;
            var line = FrontMatterSyntax.StripComment(file.Lines[i]).TrimEnd();
            i++;
            if (line.Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                throw file.Error(lineNumber, "unexpected indented line (only 'sources:' takes an indented list)");
            }

            var (key, rest) = FrontMatterSyntax.SplitKeyValue(file, lineNumber, line);
            if (!KnownKeys.Contains(key))
            {
                throw file.Error(lineNumber, $"unknown key '{key}'");
            }

            if (values.ContainsKey(key))
            {
                throw file.Error(lineNumber, $"duplicate key '{key}'");
            }

            if (rest.Length == 0)
            {
                if (key != "sources")
                {
                    throw file.Error(lineNumber, $"'{key}' has no value");
                }

                values[key] = new FrontMatterValue { Line = lineNumber, Maps = ReadMaps(file, ref i, last) };
            }
            else if (rest[0] == '[')
            {
                values[key] = new FrontMatterValue { Line = lineNumber, List = FrontMatterSyntax.ReadInlineList(file, lineNumber, rest) };
            }
            else
            {
                values[key] = new FrontMatterValue { Line = lineNumber, Scalar = FrontMatterSyntax.Unquote(rest) };
            }
        }

        return values;
    }

    // The indented "- title: ...\n    url: ..." block under sources:, one map per dash.
    private static List<IReadOnlyDictionary<string, FrontMatterValue>> ReadMaps(SourceFile file, ref int i, int last)
    {
        var maps = new List<IReadOnlyDictionary<string, FrontMatterValue>>();
        Dictionary<string, FrontMatterValue>? current = null;
        for (; i <= last; i++)
        {
            var lineNumber = i + 1;
            var line = FrontMatterSyntax.StripComment(file.Lines[i]).TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                break;
            }

            var item = line.Trim();
            if (item.StartsWith("- ", StringComparison.Ordinal))
            {
                current = new Dictionary<string, FrontMatterValue>(StringComparer.Ordinal);
                maps.Add(current);
                item = item[2..].TrimStart();
            }
            else if (current is null)
            {
                throw file.Error(lineNumber, "expected '- title: ...' to start a source");
            }

            var (key, rest) = FrontMatterSyntax.SplitKeyValue(file, lineNumber, item);
            if (!SourceKeys.Contains(key))
            {
                throw file.Error(lineNumber, $"unknown source field '{key}' (expected title or url)");
            }

            if (!current.TryAdd(key, new FrontMatterValue { Line = lineNumber, Scalar = FrontMatterSyntax.Unquote(rest) }))
            {
                throw file.Error(lineNumber, $"duplicate source field '{key}'");
            }
        }

        return maps;
    }
}
