using System.Text.RegularExpressions;
using Mvai.Knowledge.Understanding;

namespace Mvai.Bot.Assistant;

/// <summary>
/// The high-precision rules beside the understanding step: exact phrasings whose route is never in doubt, which overrule
/// the model's reading.
/// </summary>
public static partial class AssistantIntents
{
    /// <summary>
    /// The route to take: a short greeting is small talk, and an explicit request for MVAI assistance that is not a question
    /// about requesting ("we need MVAI support", "request an advisor") starts the form; otherwise the model's route.
    /// </summary>
    public static MessageRoute? Overrule(string text, MessageRoute? modelRoute)
    {
        if (modelRoute is MessageRoute.Crisis or MessageRoute.Danger)
        {
            return modelRoute;
        }
        if (IsGreeting(text))
        {
            return MessageRoute.SmallTalk;
        }
        var lower = text.ToLowerInvariant();
        return RequestPattern().IsMatch(lower) && !QuestionPattern().IsMatch(lower) ? MessageRoute.Request : modelRoute;
    }

    /// <summary>"continue my request", "resume", "pick up where we left off".</summary>
    public static bool IsContinue(string? text) => ContinuePattern().IsMatch(text?.ToLowerInvariant() ?? string.Empty);

    /// <summary>"hello", "hi again", "is anyone there?": a short greeting, answered with what the assistant can do.</summary>
    public static bool IsGreeting(string? text) =>
        text is not null && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 && GreetingPattern().IsMatch(text.ToLowerInvariant())
        && !APersonPattern().IsMatch(text.ToLowerInvariant());

    // "hello? anyone real there", "anyone there? like a person": a greeting that asks for a person is that ask.
    [GeneratedRegex(@"\b(real|person|human|people|advisor|somebody|someone)\b", RegexOptions.CultureInvariant)]
    private static partial Regex APersonPattern();

    [GeneratedRegex(@"^\s*(hi|hello|hey|howdy|yo|good (morning|afternoon|evening)|(is )?any(one|body) (there|here)|are you there|still there)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"\b(request (mvai |an? |for )?(assistance|advisor|help|support)|mvai (help|assistance|support)|need (mvai|an advisor|assistance)|(get|want|need) (help|support) from mvai|ask for (help|assistance)|request mvai)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"\?|^\s*(what|whats|what's|how|does|do|is|are|can|could|who|when|why|where|will|would|if)\b|\b(what|how)\s+(does|do|is|would|happens)\b|\b(whats|what's|what is)\s+involved\b|\bhow\s+long\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPattern();

    [GeneratedRegex(@"^\s*(continue|resume|continue (my|the) request|pick up where (we|i) left off|go on)\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuePattern();
}
