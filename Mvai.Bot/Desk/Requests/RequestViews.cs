using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>One request as the requests list shows it.</summary>
internal sealed record RequestRow(
    string Reference,
    string Status,
    string StatusLabel,
    string? Urgency,
    string UrgencyLabel,
    string? IncidentType,
    string IncidentLabel,
    string? State,
    string Place,
    string? Agency,
    DateTimeOffset SubmittedAt,
    long AgeSeconds,
    string? PeerAdvisorName,
    long Version,
    DateTimeOffset? FirstContactAt,
    string? FirstContactMethod,
    DateTimeOffset? MatchedAt);

internal sealed record RequestList(IReadOnlyList<RequestRow> Requests, int Total, DateTimeOffset At);

internal sealed record RequestField(string Label, string Value);

internal sealed record HistoryLine(string Actor, string Action, string? Detail, DateTimeOffset At);

internal sealed record SpokenLine(string From, string Text, DateTimeOffset? At);

internal sealed record Suggestion(string Id, string Name, string Role, string Agency, bool Available, int Score, string Reason);

internal sealed record RequestDetail(
    RequestRow Request,
    IReadOnlyList<RequestField> Fields,
    IReadOnlyList<HistoryLine> History,
    IReadOnlyList<SpokenLine> Transcript,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<string> Actions);

internal sealed record RequestActionBody(string? Action, long? Version, string? AdvisorId);

internal sealed record NoteBody(string? Text);

internal sealed record DeskResult(bool Stored, bool Delivered, string? Message, long? Version);

internal static class RequestViews
{
    public static string StatusLabel(RequestStatus status) => status switch
    {
        RequestStatus.InReview => "In review",
        _ => status.ToString(),
    };

    public static RequestRow Row(DeskRequest desk, RosterSnapshot roster, DateTimeOffset now)
    {
        var request = desk.Stored.Request;
        return new RequestRow(
            desk.Reference,
            desk.Status.ToString(),
            StatusLabel(desk.Status),
            request.Urgency?.ToString(),
            request.Urgency is { } u ? IntakeLabels.Urgencies[u] : "Not given",
            request.IncidentType?.ToString(),
            request.IncidentType is { } t ? IntakeLabels.IncidentTypes[t] : "Not given",
            request.State,
            RequestText.Place(request),
            request.AgencyName,
            desk.Stored.SubmittedAt,
            (long)Math.Max(0, (now - desk.Stored.SubmittedAt).TotalSeconds),
            roster.Find(desk.Progress.PeerAdvisorId)?.Name ?? desk.Progress.PeerAdvisorId,
            desk.Progress.Version,
            desk.Progress.FirstContactAt,
            desk.Progress.FirstContactMethod is { } method ? AgencyContact.MethodWord(method) : null,
            desk.Progress.MatchedAt);
    }

    public static IReadOnlyList<RequestField> Fields(DeskRequest desk) =>
    [
        .. IntakeSummary.Facts(desk.Stored.Request).Select(f => new RequestField(f.Key, f.Value)),
        new("Channel", ChannelLabel(desk.Stored.ChannelId)),
    ];

    // What the team calls the channel the agency wrote in (and where its updates go).
    private static string ChannelLabel(string channelId) => channelId switch
    {
        "directline" or "webchat" => "Web Chat",
        "msteams" => "Microsoft Teams",
        _ => channelId,
    };

    /// <summary>The actions the console offers for the request's status (the server checks again on each).</summary>
    public static IReadOnlyList<string> Actions(RequestStatus status) =>
        [.. Enum.GetValues<RequestAction>().Where(a => a != RequestAction.Withdraw && RequestLifecycle.From(a).Contains(status)).Select(a => a.ToString())];

    public static Suggestion Suggested(PeerMatch match) =>
        new(match.Advisor.Id, match.Advisor.Name, match.Advisor.Role, match.Advisor.Agency, match.Advisor.Available, match.Score, match.Reason);
}
