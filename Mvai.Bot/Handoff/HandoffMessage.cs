namespace Mvai.Bot.Handoff;

/// <summary>Who wrote a line of a handoff conversation.</summary>
public enum HandoffSender { User, Advisor, Bot }

/// <summary>One line of a handoff conversation, numbered per case so the console can ask for what is new.</summary>
public sealed record HandoffMessage(string CaseId, long Sequence, HandoffSender Sender, string? Author, string Text, DateTimeOffset At);

/// <summary>One state change of a case, for the audit trail: who did what, when.</summary>
public sealed record HandoffAuditEntry(string CaseId, string Actor, string Action, string? Detail, DateTimeOffset At);
