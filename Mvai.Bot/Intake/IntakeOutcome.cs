using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>How an intake ended, returned to whoever began it.</summary>
/// <param name="Kind">Why it ended.</param>
/// <param name="Request">The answers so far (kept for "continue later" after an active-scene stop).</param>
/// <param name="Reference">The stored request's reference, when submitted.</param>
public sealed record IntakeOutcome(IntakeOutcomeKind Kind, AssistanceRequest Request, string? Reference = null);

public enum IntakeOutcomeKind
{
    Submitted,
    Cancelled,
    ActiveScene,
    NoConsent,
    GaveUp,

    /// <summary>They asked for a person mid-form; the answers so far are kept for "continue my request".</summary>
    HandoffRequested,
}
