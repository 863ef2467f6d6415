using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>What the team or the agency can do to a request, and from which statuses.</summary>
public enum RequestAction { Review, Assign, Connected, Close, Withdraw }

/// <summary>How a desk change went; the console maps it to an HTTP status, the bot to a sentence.</summary>
public enum DeskOutcome { Done, NotFound, NotAllowed, Stale, UnknownAdvisor, NotDelivered }

/// <summary>The request lifecycle: new → in review → matched → connected → closed; withdrawn by the agency at any open point.</summary>
public static class RequestLifecycle
{
    private static readonly RequestStatus[] Open = [RequestStatus.New, RequestStatus.InReview, RequestStatus.Matched, RequestStatus.Connected];

    /// <summary>Statuses the team is still working: new to connected.</summary>
    public static IReadOnlyCollection<RequestStatus> OpenStatuses => Open;

    public static RequestStatus Target(RequestAction action) => action switch
    {
        RequestAction.Review => RequestStatus.InReview,
        RequestAction.Assign => RequestStatus.Matched,
        RequestAction.Connected => RequestStatus.Connected,
        RequestAction.Close => RequestStatus.Closed,
        _ => RequestStatus.Withdrawn,
    };

    /// <summary>Statuses the action may start from; a reassignment (matched again) is allowed until the peers are connected.</summary>
    public static IReadOnlyCollection<RequestStatus> From(RequestAction action) => action switch
    {
        RequestAction.Review => [RequestStatus.New],
        RequestAction.Assign => [RequestStatus.New, RequestStatus.InReview, RequestStatus.Matched],
        RequestAction.Connected => [RequestStatus.Matched],
        _ => Open,
    };

    /// <summary>What the history says: "in review", "matched", …</summary>
    public static string HistoryWord(RequestStatus status) => status switch
    {
        RequestStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };
}
