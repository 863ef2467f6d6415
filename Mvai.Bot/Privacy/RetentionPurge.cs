namespace Mvai.Bot.Privacy;

/// <summary>What one purge deleted, per kind of record.</summary>
public sealed record RetentionPurge(int Requests, int HandoffCases, int TranscriptActivities, int DirectLineActivities, int AlertDeliveries, int IdleStates, int AnswerRecords = 0);
