namespace Mvai.Knowledge.Understanding;

/// <summary>
/// The few numbers that turn example similarities into a route. Chosen by cross-validation on the training
/// examples only (<c>tools/Mvai.Knowledge.Eval -- understanding --tune</c>), never on the held-out set.
/// </summary>
public sealed record UnderstandingTuning
{
    /// <summary>How many nearest examples of a route make its score (their mean similarity).</summary>
    public int Neighbours { get; init; } = 3;

    /// <summary>A clause this close to crisis examples is a crisis, whatever the rest of the message asks.</summary>
    public float CrisisClause { get; init; } = 0.62f;

    /// <summary>With a softer warning sign present, this closeness to crisis examples is enough.</summary>
    public float CrisisWithSign { get; init; } = 0.42f;

    /// <summary>Crisis wins when its best clause scores within this of the whole message's best other route.</summary>
    public float CrisisMargin { get; init; } = -0.02f;

    /// <summary>A clause this close to danger examples is danger now.</summary>
    public float DangerClause { get; init; } = 0.66f;

    /// <summary>With a "now" pattern present, this closeness to danger examples is enough.</summary>
    public float DangerWithSign { get; init; } = 0.40f;

    /// <summary>A guidance question this close to crisis examples gets the 988 line with its answer.</summary>
    public float WellnessConcern { get; init; } = 0.45f;
}
