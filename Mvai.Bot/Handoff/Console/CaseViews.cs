namespace Mvai.Bot.Handoff.Console;

/// <summary>Turns stored cases and messages into what the console shows, in the advisors' words.</summary>
internal static class CaseViews
{
    public static CaseSummary Summary(HandoffCase handoff, AdvisorIdentity me, AdvisorAccountDirectory accounts, DateTimeOffset now)
    {
        var waitedUntil = handoff.ClaimedAt ?? handoff.ClosedAt ?? now;
        return new CaseSummary(
            handoff.Id,
            Lower(handoff.State.ToString()),
            handoff.Reason.ToString(),
            HandoffLabels.Reason(handoff.Reason),
            HandoffPriority.Effective(handoff, now),
            Math.Max(0, (long)(waitedUntil - handoff.CreatedAt).TotalSeconds),
            handoff.UserName,
            handoff.RequestReference,
            handoff.ChannelId,
            handoff.ClaimedBy,
            handoff.ClaimedBy is null ? null : accounts.DisplayNameOf(handoff.ClaimedBy),
            handoff.ClaimedBy is not null && string.Equals(handoff.ClaimedBy, me.Id, StringComparison.Ordinal),
            handoff.CreatedAt,
            handoff.ClaimedAt,
            handoff.ClosedAt,
            handoff.CloseNote,
            [.. handoff.Details.Select(d => new CaseDetail(d.Key, d.Value))]);
    }

    public static TranscriptLine Line(HandoffMessage message) =>
        new(message.Sequence, Lower(message.Sender.ToString()), message.Author, message.Text, message.At);

    public static AuditLine Audit(HandoffAuditEntry entry) => new(entry.Actor, entry.Action, entry.Detail, entry.At);

    private static string Lower(string value) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value);
}
