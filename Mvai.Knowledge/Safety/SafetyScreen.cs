using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Safety;

/// <summary>
/// Screens a question before any retrieval. Rules run from most to least urgent: a live threat
/// outranks a person in crisis, who outranks every refusal, so a message mixing several always
/// gets the reply that protects life first.
/// </summary>
public sealed partial class SafetyScreen
{
    /// <summary>Classifies a question and returns the exact reply to send when it is unsafe.</summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <returns>The verdict; <see cref="SafetyVerdict.Safe"/> when retrieval may answer.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A DI service: callers depend on an instance so rules can gain state later.")]
    public SafetyVerdict Screen(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return SafetyVerdict.Safe;
        }

        // Phones type curly apostrophes; the patterns are written with straight ones.
        var text = question.Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (ActiveThreat().IsMatch(text))
        {
            return new(SafetyKind.ActiveThreat, SafetyReplies.ActiveThreat);
        }

        if (Distress().IsMatch(text))
        {
            return new(SafetyKind.Distress, SafetyReplies.Distress);
        }

        if (Tactical().IsMatch(text))
        {
            return new(SafetyKind.Tactical, SafetyReplies.Tactical);
        }

        if (Legal().IsMatch(text))
        {
            return new(SafetyKind.Legal, SafetyReplies.Legal);
        }

        if (Medical().IsMatch(text))
        {
            return new(SafetyKind.Medical, SafetyReplies.Medical);
        }

        return OffTopic().IsMatch(text) ? new(SafetyKind.OffTopic, SafetyReplies.OffTopic) : SafetyVerdict.Safe;
    }

    // Present tense and "now/still" words separate a live threat from the many questions that
    // mention a past shooting ("since the shooting", "after the shooter was killed").
    [GeneratedRegex(
        @"\b(still|currently|is|are|keeps?|he's|she's|they're)\s+(shooting|firing)\b" +
        @"|\bshots?\s+(are\s+|being\s+)?fired\b|\bshooting\s+(right\s+now|now|in\s+progress)\b" +
        @"|\b(shooter|gunman|attacker|suspect)s?\b.{0,40}\b(right\s+now|in\s+the\s+building|inside\s+(the|our)|at\s+large|on\s+the\s+loose|still\s+(here|there|inside|in|at|active))\b" +
        @"|\b(has|have|with|holding|pointing|waving)\s+(a\s+|an\s+)?(gun|rifle|pistol|weapon|knife|bomb|explosive)s?\b" +
        @"|\bactive\s+(shooter|threat|shooting)\b.{0,30}\b(now|happening|in\s+progress|ongoing)\b" +
        @"|\bthreat(en|ening|ened|s)?\s+to\s+(shoot|kill|attack|bomb|blow)\b|\bin\s+immediate\s+danger\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActiveThreat();

    [GeneratedRegex(
        @"\b(wants?|wanted|going|thinking|talking|plans?|planning)\s+(to\s+|about\s+)?(end(ing)?\s+(it|(his|her|my|their)\s+life)|kill(ing)?\s+(him|her|my|them)sel(f|ves)|die)\b" +
        "|" + SuicidePhrases.Personal + @"|\bcan'?t\s+go\s+on\b|\bno\s+reason\s+to\s+live\b|\bbetter\s+off\s+dead\b" +
        @"|\bhurt(ing)?\s+(him|her|my|them)sel(f|ves)\b|\bself[-\s]?harm\b|\beat\s+(his|my|her)\s+gun\b|\bend\s+it\s+all\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Distress();

    [GeneratedRegex(
        // Weapon words alone are not tactics: "the deputies turned their weapons in", "his service weapon" are wellness
        // and family-care wording, and a crisis must never get this refusal.
        @"\b(breach\w*|stack\s+up|snipers?|flank\w*|(what|which)\s+(rifle|weapon|caliber|ammo)\w*|tactical\s+(entry|plan|approach)" +
        @"|make\s+entry|entry\s+(team|point)|(how|when)\s+(do|should)\s+(we|i)\s+(go\s+in|enter)" +
        @"|negotiat\w*\s+with\s+(the\s+|an?\s+)?(attacker|shooter|gunman|suspect|hostage[-\s]taker)" +
        @"|hostages?|position(ing)?\s+(my|our|the)\s+(officers|team|snipers|units)|take\s+(him|her|the\s+\w+)\s+(out|down))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tactical();

    [GeneratedRegex(
        @"\b(liab(le|ility)|lawsuits?|sue|sued|suing|litigation|lawyer|attorney|legal\s+advice|negligen\w*" +
        @"|(charge|charging|charged)\s+(him|her|them|the\s+\w+)|press\s+charges|indict\w*|foia|records\s+requests?" +
        @"|public\s+records|subpoena\w*|depositions?|court\s+case)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Legal();

    [GeneratedRegex(
        @"\b(diagnos\w*|medications?|meds|prescri\w*|dosage|dose|antidepressants?|ssris?|sleeping\s+pills?" +
        @"|xanax|ambien|zoloft|benzos?|(does|do|did)\s+(\w+\s+){1,3}have\s+(ptsd|depression|anxiety)|is\s+(it|this|that)\s+ptsd)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Medical();

    [GeneratedRegex(
        @"\b(recipes?|cook(ing)?|bak(e|ing)|lasagna|football|basketball|baseball|soccer|nfl|nba|super\s+bowl|playoffs?" +
        @"|score\s+of|weather|forecast|movies?|song|lyrics|poem|joke|stock\s+(price|market)|crypto|bitcoin|homework" +
        @"|vacation|restaurants?|dating|horoscope|write\s+(me\s+)?(a|an)\s+(essay|story|poem))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OffTopic();
}
