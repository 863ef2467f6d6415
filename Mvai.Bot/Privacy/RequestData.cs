using System.Text.Json;
using System.Text.Json.Nodes;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Privacy;

/// <summary>What deleting a request did, or why it did not.</summary>
internal enum DeletionOutcome { Deleted, NotFound, CaseStillOpen }

/// <summary>
/// Everything stored about one request, for an advisor to export or delete on demand: the request, and the
/// conversation it came from (its handoff cases with messages and audit, its transcript, its state).
/// </summary>
internal sealed class RequestData(
    IAssistanceRequestStore requests,
    IRequestDeskStore desk,
    IHandoffStore handoffs,
    ITranscriptStore transcripts,
    IActivityLog directLine,
    IAlertOutboxStore alerts,
    IStorage state,
    IDataAuditStore audit,
    IAnswerRecordStore answers,
    TimeProvider clock)
{
    // Far more than any real conversation; the export is for a person to read, not a bulk dump.
    private const int MaxTranscriptActivities = 10_000;

    /// <summary>The export document, or null when there is no such request; the export itself is audited.</summary>
    public async Task<JsonObject?> ExportAsync(string reference, string advisorId, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(reference, cancellationToken) is not { } stored)
        {
            return null;
        }
        var cases = new JsonArray();
        foreach (var handoff in await handoffs.ListForConversationAsync(stored.ChannelId, stored.ConversationId, cancellationToken))
        {
            var handoffJson = JsonSerializer.SerializeToNode(handoff, RequestJson.Options)!.AsObject();
            handoffJson["messages"] = JsonSerializer.SerializeToNode(await handoffs.GetMessagesAsync(handoff.Id, 0, cancellationToken), RequestJson.Options);
            handoffJson["audit"] = JsonSerializer.SerializeToNode(await handoffs.GetAuditAsync(handoff.Id, cancellationToken), RequestJson.Options);
            cases.Add(handoffJson);
        }
        var transcript = new JsonArray();
        foreach (var activity in await transcripts.GetRecentAsync(stored.ChannelId, stored.ConversationId, MaxTranscriptActivities, cancellationToken))
        {
            transcript.Add(JsonNode.Parse(ProtocolJson.Serialize(activity)));
        }
        var now = clock.GetUtcNow();
        await audit.RecordAsync(new DataAuditEntry("exported", reference, advisorId, now), cancellationToken);
        return new JsonObject
        {
            ["reference"] = reference,
            ["exportedAt"] = now,
            ["exportedBy"] = advisorId,
            ["request"] = JsonSerializer.SerializeToNode(stored, RequestJson.Options),
            ["history"] = JsonSerializer.SerializeToNode(await desk.HistoryAsync(reference, cancellationToken), RequestJson.Options),
            ["handoffCases"] = cases,
            ["transcript"] = transcript,
        };
    }

    /// <summary>
    /// Deletes the request and its conversation's data, then records who did it. Refused while a handoff case of the
    /// conversation is open: an advisor is still talking with the user.
    /// </summary>
    public async Task<(DeletionOutcome Outcome, int Cases, int TranscriptActivities)> DeleteAsync(
        string reference, string advisorId, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(reference, cancellationToken) is not { } stored)
        {
            return (DeletionOutcome.NotFound, 0, 0);
        }
        if (await handoffs.FindOpenAsync(stored.ChannelId, stored.ConversationId, cancellationToken) is not null)
        {
            return (DeletionOutcome.CaseStillOpen, 0, 0);
        }
        // Alerts first: they are found through the cases, so a deletion interrupted after this step can be repeated.
        var closed = await handoffs.ListForConversationAsync(stored.ChannelId, stored.ConversationId, cancellationToken);
        foreach (var handoff in closed)
        {
            await alerts.DeleteForCaseAsync(handoff.Id, cancellationToken);
        }
        var caseIds = await handoffs.DeleteClosedForConversationAsync(stored.ChannelId, stored.ConversationId, cancellationToken);
        var transcript = await transcripts.DeleteConversationAsync(stored.ChannelId, stored.ConversationId, cancellationToken);
        await directLine.DeleteConversationAsync(stored.ConversationId, cancellationToken);
        await answers.DeleteConversationAsync(stored.ChannelId, stored.ConversationId, cancellationToken);
        await state.DeleteAsync([ConversationState.KeyFor(stored.ChannelId, stored.ConversationId)], cancellationToken);
        // The team's alert about the request and its history (notes, the agency's additions) are about it too.
        await alerts.DeleteForCaseAsync(reference, cancellationToken);
        await desk.DeleteHistoryAsync(reference, cancellationToken);
        // The request goes last: until then a failed deletion can simply be repeated with the same reference.
        await requests.DeleteAsync(reference, cancellationToken);
        await audit.RecordAsync(new DataAuditEntry("deleted", reference, advisorId, clock.GetUtcNow()), cancellationToken);
        return (DeletionOutcome.Deleted, caseIds.Count, transcript);
    }
}
