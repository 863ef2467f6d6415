using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Handoff;

/// <summary>
/// How the queue is ordered: who is in danger or in crisis first, then stated urgency, then the rest;
/// waiting time raises everyone so nobody waits forever behind newer urgent cases.
/// </summary>
public static class HandoffPriority
{
    public const int Danger = 100;
    public const int Crisis = 90;

    public static int ForReason(HandoffReason reason) => reason switch
    {
        HandoffReason.ActiveThreat => Danger,
        HandoffReason.Distress => Crisis,
        HandoffReason.UserAsked or HandoffReason.PromptGaveUp => 40,
        _ => 30,
    };

    public static int ForUrgency(Urgency? urgency) => urgency switch
    {
        Urgency.Today => 30,
        Urgency.ThisWeek => 10,
        _ => 0,
    };

    /// <summary>The priority shown and sorted on: base plus a point per minute waited, up to an hour.</summary>
    public static int Effective(HandoffCase handoff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var waited = handoff.State == HandoffCaseState.Waiting ? (int)Math.Clamp((now - handoff.CreatedAt).TotalMinutes, 0, 60) : 0;
        return handoff.BasePriority + waited;
    }
}
