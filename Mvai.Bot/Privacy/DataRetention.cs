using Microsoft.Extensions.Options;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Privacy;

/// <summary>
/// One purge of everything older than its retention period. Each step is a plain conditional DELETE, so
/// several instances purging at once only delete each row once, and a failed step is simply repeated next time.
/// </summary>
internal sealed class DataRetention(
    IAssistanceRequestStore requests,
    IRequestDeskStore desk,
    IHandoffStore handoffs,
    ITranscriptStore transcripts,
    IActivityLog directLine,
    IAlertOutboxStore alerts,
    IStorage state,
    IAnswerRecordStore answers,
    IOptions<RetentionOptions> options,
    TimeProvider clock)
{
    public async Task<RetentionPurge> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        DateTimeOffset Cutoff(int? days) => now - TimeSpan.FromDays(days ?? settings.Days);

        // Requests before cases: a request is "handed over" while its closed case still exists, and the
        // case purge keeps cases whose request is still stored.
        var purge = new RetentionPurge(
            Requests: await requests.PurgeFinishedBeforeAsync(Cutoff(settings.RequestDays), cancellationToken),
            HandoffCases: await handoffs.PurgeClosedBeforeAsync(Cutoff(settings.HandoffDays), cancellationToken),
            TranscriptActivities: await transcripts.PurgeBeforeAsync(Cutoff(settings.TranscriptDays), cancellationToken),
            DirectLineActivities: await directLine.PurgeBeforeAsync(Cutoff(settings.DirectLineDays), cancellationToken),
            AlertDeliveries: await alerts.PurgeBeforeAsync(Cutoff(settings.AlertDays), cancellationToken),
            IdleStates: await state.DeleteIdleAsync(Cutoff(settings.ConversationStateDays), cancellationToken),
            // The questions answers were given to are words of the conversation: they go with its transcript.
            AnswerRecords: await answers.PurgeBeforeAsync(Cutoff(settings.TranscriptDays), cancellationToken));
        // A purged request's history (notes, the agency's additions) goes with it.
        await desk.DeleteHistoryAsync(null, cancellationToken);
        return purge;
    }
}
