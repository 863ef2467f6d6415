namespace Mvai.Bot.Handoff.Console;

/// <summary>One case as the queue and the case view show it.</summary>
internal sealed record CaseSummary(
    string Id,
    string State,
    string Reason,
    string ReasonLabel,
    int Priority,
    long WaitingSeconds,
    string? UserName,
    string? RequestReference,
    string Channel,
    string? ClaimedBy,
    string? ClaimedByName,
    bool ClaimedByMe,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClosedAt,
    string? CloseNote,
    IReadOnlyList<CaseDetail> Details);

internal sealed record CaseDetail(string Label, string Value);

internal sealed record QueueView(IReadOnlyList<CaseSummary> Cases, DateTimeOffset At);

internal sealed record CaseView(CaseSummary Case, IReadOnlyList<AuditLine> Audit);

internal sealed record AuditLine(string Actor, string Action, string? Detail, DateTimeOffset At);

internal sealed record TranscriptLine(long Sequence, string Sender, string? Author, string Text, DateTimeOffset At);

internal sealed record AdvisorView(string Id, string DisplayName, string SignedInWith);

internal sealed record SignInRequest(string? Id, string? Secret);

internal sealed record ReplyRequest(string? Text);

internal sealed record CloseRequest(string? Note);

/// <summary>What a claim, reply or close did: stored always; delivered false when the user's channel could not be reached yet.</summary>
internal sealed record ActionResult(bool Stored, bool Delivered, string? Message);

internal sealed record ConsoleError(string Error);
