using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Understanding;

/// <summary>How a message was understood: the route to take and what came with it.</summary>
/// <param name="Route">The route the ask decides (safety outranks everything).</param>
/// <param name="Refusal">For <see cref="MessageRoute.OutOfScope"/>: which kind refusal to give.</param>
/// <param name="WellnessConcern">
/// A guidance question that touches on someone's wellbeing closely enough that the 988 line should go with the answer,
/// though it did not read as a crisis.
/// </param>
/// <param name="Scores">Each route's similarity to its nearest labelled examples, for explanations and evaluation.</param>
/// <param name="Because">What decided: "rule: ..." or "examples".</param>
public sealed record MessageReading(
    MessageRoute Route,
    SafetyKind Refusal,
    bool WellnessConcern,
    IReadOnlyDictionary<MessageRoute, float> Scores,
    string Because)
{
    /// <summary>Whether the reply must be a safety reply (911, or 988 and a person) before anything else.</summary>
    public bool IsUrgent => Route is MessageRoute.Danger or MessageRoute.Crisis;
}
