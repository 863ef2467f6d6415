namespace Mvai.Knowledge.Safety;

/// <summary>Why a question must not go to ordinary guidance retrieval, if at all.</summary>
public enum SafetyKind
{
    /// <summary>Nothing unsafe was found; the question may be answered from the corpus.</summary>
    None = 0,

    /// <summary>A threat is described as happening now: the only answer is 911.</summary>
    ActiveThreat,

    /// <summary>Someone is in crisis or thinking of suicide: crisis lines first, then a person.</summary>
    Distress,

    /// <summary>Tactical advice (entry, breaching, weapons, positioning, negotiating with an attacker).</summary>
    Tactical,

    /// <summary>Legal advice on a specific case (liability, lawsuits, charging, records requests).</summary>
    Legal,

    /// <summary>Medical or psychological diagnosis or medication.</summary>
    Medical,

    /// <summary>A request outside mass violence preparation, response, recovery and wellness.</summary>
    OffTopic,
}
