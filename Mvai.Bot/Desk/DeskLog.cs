using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk;

/// <summary>What the request desk logs: references, statuses, counts and error types; never a name, a note or a contact.</summary>
internal static partial class DeskLog
{
    [LoggerMessage(3700, LogLevel.Information, "MVAI team alerted about request {Reference} (on call woken: {OnCall})")]
    public static partial void TeamAlerted(ILogger logger, string reference, bool onCall);

    [LoggerMessage(3701, LogLevel.Warning, "Looking for requests no alert was stored for failed ({Error}); the next sweep tries again")]
    public static partial void SweepFailed(ILogger logger, string error);

    [LoggerMessage(3702, LogLevel.Information, "Request {Reference} is now {Status}")]
    public static partial void Changed(ILogger logger, string reference, RequestStatus status);

    [LoggerMessage(3703, LogLevel.Warning, "Request {Reference} changed, but the requester's channel could not be reached ({Error})")]
    public static partial void DeliveryFailed(ILogger logger, string reference, string error);

    [LoggerMessage(3704, LogLevel.Warning,
        "Local development mode: a demo advisor account is offered at /advisor (it exists only without MicrosoftAppId and without configured accounts)")]
    public static partial void DemoAdvisorOffered(ILogger logger);

    [LoggerMessage(3705, LogLevel.Information, "Contact with the agency of request {Reference} recorded ({Method})")]
    public static partial void ContactRecorded(ILogger logger, string reference, AgencyContactMethod method);

    [LoggerMessage(3706, LogLevel.Information, "A peer advisor was {Action} on the roster (the audit names whom)")]
    public static partial void RosterChanged(ILogger logger, string action);
}
