namespace Mvai.Knowledge.Understanding;

/// <summary>What a free-text message outside a prompt's expected answer asks of the assistant.</summary>
public enum MessageRoute
{
    /// <summary>A question the curated guidance can answer.</summary>
    Guidance = 0,

    /// <summary>A threat happening now or about to: call 911, nothing else first.</summary>
    Danger,

    /// <summary>Someone (the writer or a person they describe) at risk of suicide: 988, COPLINE and a person at once.</summary>
    Crisis,

    /// <summary>Asks for a human: an advisor, a peer, a call back.</summary>
    Person,

    /// <summary>Wants to request MVAI assistance (the act, not a question about it).</summary>
    Request,

    /// <summary>Asks about a request already made.</summary>
    Status,

    /// <summary>An event in the last hours or days and no more specific ask than "what do I do first".</summary>
    Acute,

    /// <summary>Hello, thanks, ok, are you a bot.</summary>
    SmallTalk,

    /// <summary>Tactics, legal advice on a case, diagnosis or medication, or unrelated: a kind refusal.</summary>
    OutOfScope,
}
