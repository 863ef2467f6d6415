using System.Diagnostics;
using System.Text.RegularExpressions;
using Mvai.Knowledge.Answering;
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

    [Fact]
    public void Answers_are_fast_enough_for_chat()
    {
        var answerer = new GuidanceAnswerer(RetrievalTests.Index, new SafetyScreen());
        string[] questions =
        [
            "what do i tell the press in the first hour", "one of my guys isnt sleeping since the shooting", "wht is a FAC",
            "how do we handle all the donations people are sending", "the anniversary is coming up", "what is the capital of france",
        ];
        foreach (var q in questions)
        {
            answerer.Answer(q);
        }

        var samples = new List<double>();
        for (var round = 0; round < 50; round++)
        {
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                answerer.Answer(q);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        Assert.True(samples[(int)(samples.Count * 0.99)] < 10, $"p99 {samples[(int)(samples.Count * 0.99)]} ms");
    }

    [GeneratedRegex(@"\b1-8\d\d-[0-9A-Z]{3}-?[0-9A-Z]{0,4}\b|\b\d{3}\b(?=\W)")]
    private static partial Regex PhoneNumber();
}
