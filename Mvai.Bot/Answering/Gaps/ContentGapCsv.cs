using System.Globalization;
using System.Text;

namespace Mvai.Bot.Answering.Gaps;

/// <summary>
/// The report as CSV (RFC 4180) for a spreadsheet: one row per question. A cell a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe, since questions are typed by anyone.
/// </summary>
internal static class ContentGapCsv
{
    private static readonly string[] Header =
        ["topic", "answered_at", "question", "reasons", "confidence", "model_written", "reaction", "feedback_text", "passage_ids", "passage_headings"];

    public static string Write(IReadOnlyList<ContentGapGroup> groups)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var group in groups)
        {
            foreach (var row in group.Rows)
            {
                var r = row.Record;
                AppendRow(csv,
                [
                    group.Topic,
                    r.AnsweredAt.ToString("O", CultureInfo.InvariantCulture),
                    r.Question,
                    string.Join("; ", row.Reasons),
                    r.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                    r.ModelWritten ? "yes" : "no",
                    r.Reaction?.ToString().ToLowerInvariant() ?? string.Empty,
                    r.FeedbackText ?? string.Empty,
                    string.Join("; ", row.Passages.Select(p => p.Id)),
                    string.Join("; ", row.Passages.Select(p => p.Heading)),
                ]);
            }
        }
        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
