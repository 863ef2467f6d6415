using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Handoff;

/// <summary>
/// The after-hours triage: enough for the on-call advisor to decide whether to call now. Begin the dialog with
/// what is already known (from an intake) and those questions are skipped.
/// </summary>
public sealed class TriageAnswers
{
    public bool? SomeoneInDanger { get; set; }
    public string? WhatHappened { get; set; }
    public Urgency? Urgency { get; set; }

    /// <summary>Normalised phone number, or null when they prefer to be reached in this chat.</summary>
    public string? CallbackPhone { get; set; }
    public bool CallbackAsked { get; set; }
    public string? CallbackTime { get; set; }

    public bool IsUrgent => SomeoneInDanger == true || Urgency == Intake.Requests.Urgency.Today;

    public IReadOnlyList<KeyValuePair<string, string>> ToDetails()
    {
        var details = new List<KeyValuePair<string, string>>();
        if (SomeoneInDanger is { } danger)
        {
            details.Add(new("Anyone in danger now", danger ? "Yes (told to call 911)" : "No"));
        }
        if (WhatHappened is { } what)
        {
            details.Add(new("What happened", what));
        }
        if (Urgency is { } urgency)
        {
            details.Add(new("How urgent", IntakeLabels.Urgencies[urgency]));
        }
        details.Add(new("Call back on", CallbackPhone ?? "In this chat"));
        if (CallbackTime is { } time)
        {
            details.Add(new("Best time to call", time));
        }
        return details;
    }
}
