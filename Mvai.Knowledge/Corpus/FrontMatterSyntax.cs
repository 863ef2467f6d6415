namespace Mvai.Knowledge.Corpus;

/// <summary>Line-level pieces of the front-matter syntax: comments, quotes, keys, inline lists.</summary>
internal static class FrontMatterSyntax
{
    internal static List<string> ReadInlineList(SourceFile file, int lineNumber, string text)
    {
        if (text[^1] != ']')
        {
            throw file.Error(lineNumber, "inline list must end with ']'");
        }

        var inner = text[1..^1].Trim();
        if (inner.Length == 0)
        {
            return [];
        }

        var items = inner.Split(',').Select(s => Unquote(s.Trim())).ToList();
        if (items.Any(s => s.Length == 0))
        {
            throw file.Error(lineNumber, "inline list has an empty item");
        }

        return items;
    }

    internal static (string Key, string Value) SplitKeyValue(SourceFile file, int lineNumber, string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw file.Error(lineNumber, "expected 'key: value'");
        }

        return (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    // A '#' starts a comment only at the line start or after whitespace, and never inside quotes,
    // so URLs with fragments and titles like "Issue #4" survive.
    internal static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '\t' or '[' or ','))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    internal static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return value;
    }
}
