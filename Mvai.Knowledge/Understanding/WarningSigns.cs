using System.Text.RegularExpressions;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Understanding;

/// <summary>
/// The public warning signs of suicide (NIMH, the 988 Lifeline, SPRC) and of danger now, as word patterns: the
/// high-precision layer beside the examples. <see cref="IsCrisis"/> patterns are specific enough to decide alone;
/// <see cref="HintsCrisis"/> patterns ("no point", "goodbye", "life insurance") also appear in ordinary questions,
/// so they only lower the bar the examples must clear.
/// </summary>
public static partial class WarningSigns
{
    /// <summary>Wanting to die, a method or means at hand, a farewell: crisis whatever else the message says.</summary>
    /// <param name="text">Normalised text (<see cref="MessageText.Normalize"/>).</param>
    /// <returns>Whether a decisive sign is present.</returns>
    public static bool IsCrisis(string text) => Decisive().IsMatch(text);

    /// <summary>Hopelessness, burden, goodbyes and arrangements: signs that need the examples to agree.</summary>
    /// <param name="text">Normalised text.</param>
    /// <returns>Whether a softer sign is present.</returns>
    public static bool HintsCrisis(string text) => Soft().IsMatch(text);

    /// <summary>An attack, a weapon or a threat described as happening now.</summary>
    /// <param name="text">Normalised text.</param>
    /// <returns>Whether it reads as danger now.</returns>
    public static bool IsDangerNow(string text) => DangerNow().IsMatch(text);

    [GeneratedRegex(
        SuicidePhrases.Personal + @"|\bkill(ing|ed)?\s+(my|him|her|them|your)sel(f|ves)\b|\bend(ing)?\s+(it\s+all|(my|his|her|their)\s+(own\s+)?life)\b" +
        @"|\b(want|wanna|wanted|wants|wish|wishing|ready|going|gonna|plan(ning)?)\s+(to\s+)?(die|be\s+dead|end\s+it|check\s+out|not\s+be\s+here)\b" +
        @"|\b(do\s*n[o']?t|dont|not\s+sure\s+i|no\s+longer|never)\s+(want|wanna|plan)\w*\s+(to\s+)?(wake\s+up|be\s+(here|alive|around)|live|exist|keep\s+(going|living)|go\s+on|see\s+(tomorrow|another))" +
        @"|\b(won'?t|wont|will\s*n[o']?t|not\s+going\s+to|not\s+gonna|ain'?t\s+gonna)\s+be\s+(around|here|alive)\b" +
        @"|\bbetter\s+off\s+(dead|without\s+(me|him|her))\b|\b(everyone|everybody|they|family|kids|wife|husband)\s+(would|will|d)\s+be\s+better\s+off\b" +
        @"|\b(gun|pistol|weapon|barrel|revolver|glock|sidearm|service\s+weapon|rifle|shotgun)\b[^.!?]{0,40}\b(mouth|head|temple|chin)\b" +
        @"|\b(mouth|temple|chin)\b[^.!?]{0,25}\b(gun|barrel|pistol|weapon)\b" +
        @"|\bhang(ing|ed)?\s+(my|him|her|them)sel(f|ves)\b|\boverdos\w*|\b(stockpil|hoard|sav)\w*\s+(up\s+)?(\w+\s+){0,2}(pills|meds|medication)\b" +
        @"|\b(car|truck|engine)\s+running\s+in\s+the\s+garage\b|\bsuicide\s+note\b|\bgoodbye\s+(letter|note|text)s?\b" +
        @"|\b(can'?t|cant|cannot)\s+(go\s+on|do\s+this\s+anymore|keep\s+living|live\s+with\s+(this|it|myself))\b|\bno\s+reason\s+to\s+(live|keep\s+going|be\s+here|wake\s+up)\b" +
        @"|\b(self[-\s]?harm|cutting\s+(my|him|her)self|hurt(ing)?\s+(my|him|her|them)sel(f|ves))\b",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Decisive();

    [GeneratedRegex(
        @"\b(no|what'?s\s+the|whats\s+the)\s+point\b|\bno\s+(way\s+out|hope|future|reason)\b|\bhopeless\w*|\btrapped\b|\bunbearable\b|\bburden\b" +
        @"|\bnobody\s+would\s+(care|notice|miss)|\bno\s*one\s+would\s+(care|notice|miss)|\bshould\s*(have|'?ve|of)?\s+(died|been\s+me)\b|\bwish\s+(it\s+had\s+been|i\s+had\s+died|i\s+was\s+dead)" +
        @"|\b(saying|said|say|says)\s+(his\s+|her\s+|my\s+)?goodbyes?\b|\bgoodbye\b|\b(giving|gave|give|gives)\s+(away\s+)?(\w+\s+){0,3}(stuff|things|belongings|guns?|gear|watch|truck|tools|medals|dog)\b" +
        @"|\b(look|looking|care|caring|take\s+care)\s+(after|of)\s+(my|his|her)\s+(dog|cat|kids|pets?|children|family)\b|\baffairs\s+in\s+order\b|\blife\s+insurance\b|\b(made|making|updated|wrote)\s+(a|his|her|my)\s+will\b" +
        @"|\b(drive|driving|drove|swerve|run)\s+(\w+\s+){0,2}(into|off)\s+(a|the)\s+(tree|wall|bridge|pole|truck|river|overpass|median|cliff)" +
        @"|\b(bridge|ledge|rooftop|rope)\b|\b(drinking|drunk)\b[^.!?]{0,40}\b(every|all)\s+(night|day)|\bcalm\s+all\s+of\s+a\s+sudden|\bsuddenly\s+(calm|at\s+peace)" +
        @"|\bnot\s+(going\s+to\s+|gonna\s+)?make\s+it\b|\bdone\s+with\s+(everything|life|it\s+all)\b|\bcan'?t\s+(take|handle)\s+(it|this)\s+anymore|\bsleep\s+forever\b|\bdisappear\b",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Soft();

    // Present tense and time words separate an attack now from the many messages about a past one.
    /// <summary>
    /// Whether the message speaks of now: a present-tense verb, "again", "back", "tonight". Inside the intake's story prompt
    /// the event is told in the past ("a gunman opened fire at the festival"), so a danger reading there needs this too.
    /// </summary>
    /// <param name="text">Normalised text.</param>
    /// <returns>Whether a present or imminent time is spoken of.</returns>
    public static bool SpeaksOfNow(string text) => Now().IsMatch(text);

    [GeneratedRegex(@"\b(is|are|am|he'?s|she'?s|they'?re|hes|shes|theyre|again|back|still|now|tonight|today|coming|keeps?|currently|just)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Now();

    [GeneratedRegex(
        @"\b(still|currently|actively|is|are|keeps?|he'?s|she'?s|they'?re)\s+(shooting|firing|stabbing)\b|\bshots?\s+(are\s+|being\s+|just\s+)?fired\b" +
        @"|\b(shooting|attack|shooter|gunman)\s+(right\s+now|now|in\s+progress|ongoing)\b|\bactive\s+(shooter|shooting|threat|assailant)\b(?![^.!?]{0,40}\b(training|drill|plan|exercise|last|ago|after)\b)" +
        @"|\b(right\s+now|as\s+we\s+speak|in\s+progress|on\s+the\s+loose|at\s+large|barricaded)\b" +
        @"|\b(has|have|with|holding|pointing|waving)\s+(a\s+|an\s+|his\s+|her\s+)?(gun|rifle|pistol|weapon|knife|bomb|explosive|machete)s?\b(?![^.!?]{0,30}\b(last|yesterday|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)" +
        @"|\bthreat\w*\s+to\s+(shoot|kill|attack|bomb|blow\s+up)\b|\b(bomb|shooting)\s+threat\b|\bin\s+immediate\s+danger\b|\bsuspicious\s+(package|device|backpack|bag)\b",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DangerNow();
}
