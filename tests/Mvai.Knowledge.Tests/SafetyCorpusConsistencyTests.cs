using System.Text.RegularExpressions;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

public sealed partial class SafetyCorpusConsistencyTests
{
    [Fact]
    public void Every_number_in_the_safety_replies_is_copied_exactly_from_the_crisis_lines_file()
    {
        var crisis = RetrievalTests.Index.Corpus.FindDocument("crisis-lines-responders")!;
        var corpusText = string.Join('\n', crisis.Passages.Select(p => p.Text));
        var replies = string.Join('\n', SafetyReplies.ActiveThreat, SafetyReplies.Distress, SafetyReplies.Tactical,
            SafetyReplies.Legal, SafetyReplies.Medical, SafetyReplies.OffTopic);
        var numbers = PhoneNumber().Matches(replies).Select(m => m.Value).ToList();
        Assert.Contains("1-800-267-5463", numbers);
        Assert.Contains("1-800-COPLINE", numbers);
        Assert.All(numbers, n => Assert.Contains(n, corpusText, StringComparison.Ordinal));
        Assert.Contains("call or text 988", corpusText, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\b1-8\d\d-[0-9A-Z]{3}-?[0-9A-Z]{0,4}\b|\b\d{3}\b(?=\W)")]
    private static partial Regex PhoneNumber();
}
