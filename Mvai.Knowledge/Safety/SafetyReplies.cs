namespace Mvai.Knowledge.Safety;

/// <summary>
/// The fixed replies of the safety layer. They are constants, never built from the user's words,
/// so a reply can never echo a victim's details or an attacker's name. Numbers are copied exactly
/// from Content/crisis-lines/crisis-lines-responders.md.
/// </summary>
public static class SafetyReplies
{
    /// <summary>Reply to a threat that is happening now: 911 and nothing else.</summary>
    public const string ActiveThreat =
        "Call 911 (or your agency's dispatch or command) immediately. This assistant is not an emergency " +
        "service and cannot help with an incident in progress; decisions on scene belong to the incident " +
        "commander. Come back when everyone is safe and I can help with what comes after.";

    /// <summary>Reply to someone in crisis: crisis lines first, then the offer of a person right now.</summary>
    public const string Distress =
        "I'm sorry you are carrying this. If anyone is in immediate danger, call 911 now. " +
        "Call or text 988, the 988 Suicide & Crisis Lifeline: free, confidential, 24/7 (veterans press 1). " +
        "For law enforcement and their families, COPLINE is 1-800-267-5463 (1-800-COPLINE), answered by " +
        "trained retired officers, not by your agency. " +
        "Do you want a person right now? Your EAP, police psychologist or peer support team can step in, " +
        "and an MVAI peer advisor can be reached through the IACP \"Request Assistance\" page.";

    /// <summary>Kind refusal of tactical questions; contains no instruction of any kind.</summary>
    public const string Tactical =
        "I can't help with tactical decisions such as entry, breaching, weapons, positioning or negotiating " +
        "with an attacker. Those belong to the incident commander, your agency's policy and your training. " +
        "If this is happening now, call 911 or your dispatch. After the fact, I can point you to published " +
        "after-action reviews for learning.";

    /// <summary>Kind refusal of case-specific legal questions.</summary>
    public const string Legal =
        "I can't give legal advice on a specific case (liability, lawsuits, records requests or charging). " +
        "Please take this to your agency's legal counsel, the city attorney or the prosecutor. " +
        "I can help with communication, victim support and recovery guidance meanwhile.";

    /// <summary>Kind refusal of diagnosis or medication questions.</summary>
    public const string Medical =
        "I can't diagnose anyone or advise on medication. Please refer this to a clinician, your agency's EAP " +
        "or police psychologist. If someone is struggling right now, call or text 988.";

    /// <summary>Kind refusal of requests outside the assistant's scope.</summary>
    public const string OffTopic =
        "That's outside what I can help with. I cover preparing for, responding to and recovering from mass " +
        "violence, and the wellness of your people: media, families, victim services, donations, memorials, " +
        "officer wellness and MVAI peer support.";
}
