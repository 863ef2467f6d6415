using System.Globalization;
using System.Text;
using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Llm;

/// <summary>Builds the grounded-generation prompt: numbered passages, and rules that keep the model inside them.</summary>
public static class GroundedPrompt
{
    /// <summary>The system message: answer only from the passages, cite them, never tactical, never name attackers.</summary>
    public const string System =
        "You help police chiefs and PIOs after a mass violence event, for the Mass Violence Advisory Initiative (BJA/IACP). " +
        "Answer ONLY from the numbered passages. Be brief and calm: two or three sentences, then up to four bullets. " +
        "Cite passages as [n] after each claim. If the passages do not answer, say so and suggest an MVAI peer advisor. " +
        "Never give tactical advice, legal advice on a case, diagnoses or medication advice; never name an attacker or repeat victims' details.";

    /// <summary>Builds the user message.</summary>
    /// <param name="question">The user's question.</param>
    /// <param name="passages">Retrieved passages, best first; numbered from 1.</param>
    /// <returns>The user message text.</returns>
    public static string User(string question, IReadOnlyList<GuidancePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new StringBuilder("Passages:\n");
        for (var i = 0; i < passages.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {passages[i].Heading}\n{passages[i].Text.Trim()}\n\n");
        }

        return text.Append("Question: ").Append(question).ToString();
    }
}
