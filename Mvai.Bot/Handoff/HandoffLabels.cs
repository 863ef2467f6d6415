namespace Mvai.Bot.Handoff;

/// <summary>Plain-language names for the console and alerts.</summary>
public static class HandoffLabels
{
    public static string Reason(HandoffReason reason) => reason switch
    {
        HandoffReason.ActiveThreat => "Active threat reported (told to call 911)",
        HandoffReason.Distress => "Person in crisis (given 988)",
        HandoffReason.PromptGaveUp => "Could not complete the request form",
        HandoffReason.LowConfidence => "Questions the guidance could not answer",
        HandoffReason.AfterIntake => "Follow-up to a request for assistance",
        HandoffReason.AfterHoursTriage => "After-hours call-back",
        _ => "Asked to talk to a person",
    };
}
