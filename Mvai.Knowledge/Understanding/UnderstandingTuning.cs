namespace Mvai.Knowledge.Understanding;

/// <summary>
/// The few numbers that turn example similarities into a route. Chosen by cross-validation on the training
/// examples only (<c>tools/Mvai.Knowledge.Eval -- understanding --tune</c>), never on the held-out set.
/// </summary>
public sealed record UnderstandingTuning
{
    /// <summary>How much more a crisis or danger example weighs in training than another.</summary>
    public float SafetyWeight { get; init; } = 2f;

    /// <summary>The weight of the hashed word features beside the embedding: words sharpen, but over-weighted they learn
    /// incidental words of the examples ("put", "lost") instead of their meaning.</summary>
    public float WordScale { get; init; } = 1f;

    /// <summary>A clause this likely to be a crisis is one, whatever the rest of the message asks.</summary>
    public float CrisisClause { get; init; } = 0.45f;

    /// <summary>With a softer warning sign present, this likelihood of crisis is enough.</summary>
    public float CrisisWithSign { get; init; } = 0.05f;

    /// <summary>A clause this likely to be danger now is.</summary>
    public float DangerClause { get; init; } = 0.6f;

    /// <summary>A plain greeting ("hello from dispatch") is small talk unless danger or crisis is at least this likely.</summary>
    public float GreetingOutweighs { get; init; } = 0.9f;

    /// <summary>With a "now" pattern present, this likelihood of danger is enough.</summary>
    public float DangerWithSign { get; init; } = 0.1f;

    /// <summary>How much surer a single clause must be than a whole message to decide crisis or danger.</summary>
    public float ClauseDiscount { get; init; } = 0.4f;

    /// <summary>A guidance question this likely to be a crisis gets the 988 line with its answer.</summary>
    public float WellnessConcern { get; init; } = 0.4f;
}
