using System.Globalization;
using System.Text;

namespace Mvai.Bot.Answering.Citations;

/// <summary>The text of a cited answer: Markdown for Teams and Web Chat, plain lines with numbered sources elsewhere.</summary>
internal static class AnswerText
{
    /// <summary>Bold headline, lead, bulleted points, each with its <c>[n]</c> markers.</summary>
    public static string Markdown(CitedAnswer answer)
    {
        var text = new StringBuilder();
        if (answer.Caveat is not null)
        {
            text.Append('_').Append(answer.Caveat).Append("_\n\n");
        }
        if (answer.Headline is not null)
        {
            text.Append("**").Append(answer.Headline).Append("**\n\n");
        }
        text.Append(answer.Lead);
        if (answer.Points.Count > 0)
        {
            text.Append("\n\n").AppendJoin('\n', answer.Points.Select(p => "- " + p));
        }
        return text.ToString();
    }

    /// <summary>
    /// The Markdown plus a reference definition per citation (<c>[1]: cite:1 "Title"</c>), which Web Chat needs to turn
    /// the markers into buttons: the <c>cite:</c> address opens its citation pop-up instead of leaving the page.
    /// </summary>
    public static string MarkdownWithDefinitions(CitedAnswer answer)
    {
        var text = new StringBuilder(Markdown(answer));
        if (answer.Citations.Count > 0)
        {
            text.Append('\n');
        }
        foreach (var citation in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{citation.Position}]: cite:{citation.Position} \"{citation.Name.Replace('"', '\'')}\"");
        }
        return text.ToString();
    }

    /// <summary>Headline, lead, "- " points, then "Sources:" with one numbered line per source and its address.</summary>
    public static string Plain(CitedAnswer answer)
    {
        var text = new StringBuilder();
        if (answer.Caveat is not null)
        {
            text.Append(answer.Caveat).Append('\n');
        }
        if (answer.Headline is not null)
        {
            text.Append(answer.Headline).Append('\n');
        }
        text.Append(answer.Lead);
        foreach (var point in answer.Points)
        {
            text.Append("\n- ").Append(point);
        }
        if (answer.Citations.Count > 0)
        {
            text.Append("\nSources:");
        }
        foreach (var citation in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{citation.Position}] {citation.Name} ({citation.Url.AbsoluteUri})");
        }
        return text.ToString();
    }
}
