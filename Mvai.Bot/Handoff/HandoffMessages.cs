using System.Globalization;

namespace Mvai.Bot.Handoff;

/// <summary>What the assistant says about reaching a person, in one place so tests assert the same words.</summary>
public static class HandoffMessages
{
    public const string LeaveQueue = "Leave the queue";
    public const string YesConnectMe = "Yes, connect me";
    public const string NoThanks = "No, thanks";

    public static string InHours(int position, TimeSpan claimTimeout) =>
        $"I'm connecting you with an MVAI advisor. {PositionText(position)} An advisor will join this chat and can read what we've " +
        $"discussed so far. If nobody has joined within {Minutes(claimTimeout)}, I'll alert the on-call advisor to contact you. " +
        "Meanwhile I can still answer questions, and the advisor will see what you write. If anyone is in danger right now, call 911.";

    public const string AlreadyWaiting =
        "You're already in the queue for an MVAI advisor, who can see everything you write here. " +
        "Say \"leave the queue\" if you no longer need them.";

    public const string AlreadyWithAdvisor = "You're already connected with an MVAI advisor; they'll see everything you write here.";

    public const string LeftQueue = "You've left the advisor queue. I'm still here if you need me, or ask for an advisor again at any time.";

    public static string AdvisorJoined(string advisorName) =>
        $"{advisorName} from the MVAI advisory team has joined the chat. Everything you write now goes to them.";

    public const string AdvisorEnded =
        "The advisor has ended the chat. I'm here again: you can ask a question, request MVAI assistance, or ask for an advisor at any time.";

    public const string HubFailed =
        "I'm sorry, I couldn't connect you with an advisor just now. Let me take a few details so the on-call advisor can call you back.";

    public static string FromAdvisor(string advisorName, string text) => $"**{advisorName} (MVAI advisor):** {text}";

    public static string AfterHoursTriageIntro(string? nextOpening) =>
        $"MVAI advisors are not on duty right now{Back(nextOpening)}. I'll ask a few quick questions " +
        "so the on-call advisor can reach you, then alert them.";

    public static string AfterHoursUrgent(string? nextOpening, TimeSpan target) =>
        $"MVAI advisors are not on duty right now{Back(nextOpening)}, so I've alerted the on-call advisor, who aims to " +
        $"reach you within {Hours(target)}. Stay in this chat; they can write to you here.";

    public static string TriageDone(bool urgent, string? phone, string? nextOpening, TimeSpan target) => urgent
        ? $"Thank you. I've alerted the on-call advisor, who aims to call you back within {Hours(target)}" +
          (phone is null ? "." : $" at {phone}.") + " Meanwhile, here is guidance you can read now. If anyone is in danger, call 911."
        : $"Thank you. I've passed this to the MVAI team; an advisor will contact you " +
          (nextOpening is null ? "as soon as they can" : $"when they're back, {nextOpening}") +
          (phone is null ? "." : $", at {phone}.") + " Meanwhile, here is guidance you can read now.";

    public const string NobodyClaimed =
        "I'm sorry, no advisor has been able to join yet, so I've alerted the on-call advisor. " +
        "A few quick details will help them reach you.";

    public const string OfferAfterIntake = "An MVAI advisor is on duty right now. Would you like to talk with one in this chat now?";

    public const string OfferAfterLowConfidence =
        "I haven't been able to find a good answer in the MVAI guidance. Would you like an MVAI advisor to help?";

    public const string OfferDeclined = "All right. I'm here if you need anything else.";

    /// <summary>Questions after hours that the guidance answers well, offered while people wait for a call back.</summary>
    public static readonly string[] MeanwhileTopics =
    [
        "What should we tell the media in the first hours?",
        "How do we support our officers' wellness?",
    ];

    private static string Back(string? nextOpening) => nextOpening is null ? string.Empty : $" (they're back {nextOpening})";

    private static string PositionText(int position) => position <= 1
        ? "You're next in line."
        : string.Create(CultureInfo.InvariantCulture, $"You're number {position} in line.");

    private static string Minutes(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} minutes");

    private static string Hours(TimeSpan span) => span.TotalMinutes < 90
        ? Minutes(span)
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalHours)} hours");
}
