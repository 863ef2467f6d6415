using System.Text.RegularExpressions;
using Mvai.Bot.Intake.Prefill;

namespace Mvai.Bot.Assistant;

/// <summary>What a free-text message outside a dialog asks for.</summary>
public static partial class AssistantIntents
{
    /// <summary>
    /// "we need MVAI help", "request an advisor", "we had a shooting last night and I need support":
    /// a request wording, or an incident together with a need.
    /// </summary>
    public static bool IsRequestForHelp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var lower = text.ToLowerInvariant();
        if (RequestPattern().IsMatch(lower))
        {
            return true;
        }
        return RulePrefill.FindIncidentType(lower) is not null && NeedPattern().IsMatch(lower);
    }

    /// <summary>"continue my request", "resume", "pick up where we left off".</summary>
    public static bool IsContinue(string? text) => ContinuePattern().IsMatch(text?.ToLowerInvariant() ?? string.Empty);

    /// <summary>"hello", "hi again", "is anyone there?": a short greeting, answered with what the assistant can do.</summary>
    public static bool IsGreeting(string? text) =>
        text is not null && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 && GreetingPattern().IsMatch(text.ToLowerInvariant());

    [GeneratedRegex(@"^\s*(hi|hello|hey|howdy|yo|good (morning|afternoon|evening)|(is )?any(one|body) (there|here)|are you there|still there)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"\b(request (mvai |an? |for )?(assistance|advisor|help|support)|mvai (help|assistance|support)|need (mvai|an advisor|assistance)|(get|want|need) (help|support) from mvai|ask for (help|assistance)|request mvai)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"\b(need|needs|want|help|support|assist|assistance)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NeedPattern();

    [GeneratedRegex(@"^\s*(continue|resume|continue (my|the) request|pick up where (we|i) left off|go on)\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuePattern();
}
