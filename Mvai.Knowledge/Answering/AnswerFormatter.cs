using System.Text;

namespace Mvai.Knowledge.Answering;

/// <summary>Renders a <see cref="GuidanceAnswer"/> as plain text: short answer, bullets, then sources.</summary>
public static class AnswerFormatter
{
    /// <summary>Formats an answer for a chat message or an LLM tool result.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The headline on its own line, the short answer, "- " bullets and a "Sources:" list.</returns>
    public static string Format(GuidanceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder();
        if (answer.Caveat is not null)
        {
            text.Append(answer.Caveat).Append('\n');
        }

        if (answer.Headline is not null)
        {
            text.Append(answer.Headline).Append('\n');
        }

        text.Append(answer.ShortAnswer);
        foreach (var point in answer.KeyPoints)
        {
            text.Append('\n').Append("- ").Append(point);
        }

        if (answer.Citations.Count > 0)
        {
            text.Append("\nSources:");
            foreach (var citation in answer.Citations)
            {
                text.Append("\n- ").Append(citation.Title).Append(" (").Append(citation.Url.AbsoluteUri).Append(')');
            }
        }

        return text.ToString();
    }
}
