namespace Mvai.Bot.Intake.Requests;

/// <summary>Reading a stored status, including the names rows had before the request desk.</summary>
public static class RequestStatuses
{
    public static RequestStatus Parse(string stored) => stored switch
    {
        "Acknowledged" => RequestStatus.InReview,
        "Assigned" => RequestStatus.Matched,
        _ => Enum.Parse<RequestStatus>(stored),
    };

    /// <summary>Closed by the team or withdrawn by the agency: nothing more happens to it.</summary>
    public static bool IsFinished(this RequestStatus status) => status is RequestStatus.Closed or RequestStatus.Withdrawn;
}
