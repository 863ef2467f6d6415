using Mvai.Bot.Answering.Feedback;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Answering;

/// <summary>
/// Sends a guidance answer in the channel's shape and records it (question, passages, confidence, the id the channel
/// gave the message), so a thumb on it can be stored and the content-gap report can list it. Safety replies are fixed
/// text: neither cited nor recorded.
/// </summary>
internal sealed class AnswerDelivery(GuidanceCorpus corpus, IAnswerRecordStore records, TimeProvider clock)
{
    public async Task SendAsync(ITurnContext turnContext, string question, GuidanceAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(answer);
        var answerId = AnswerIds.New();
        var message = AnswerRenderer.Render(answer, turnContext.Activity, corpus, answerId);
        var sent = await turnContext.SendActivityAsync(message, cancellationToken);
        await RecordAsync(turnContext.Activity, question, answer, answerId, sent.Id, cancellationToken);
    }

    /// <summary>Records an answer sent by other means (the final message of a stream) under the id it was rendered with.</summary>
    public async Task RecordAsync(Activity incoming, string question, GuidanceAnswer answer, string answerId, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Kind == AnswerKind.Safety || incoming.Conversation?.Id is not { } conversationId)
        {
            return;
        }
        await records.RecordAsync(new AnswerRecord
        {
            AnswerId = answerId,
            ChannelId = incoming.ChannelId ?? string.Empty,
            ConversationId = conversationId,
            ActivityId = string.IsNullOrEmpty(activityId) ? null : activityId,
            Question = question,
            Kind = answer.Caveat is not null ? AnswerRecord.Caveated : answer.Kind.ToString(),
            Confidence = answer.Confidence,
            ModelWritten = answer.ModelWritten,
            // A low-confidence reply quotes only the "request help" passage: its topic says nothing about the question.
            Topic = answer.Kind == AnswerKind.Answered ? (answer.Passages.Count > 0 ? answer.Passages[0].Topic : null) : null,
            PassageIds = [.. answer.Passages.Select(p => p.Id)],
            AnsweredAt = clock.GetUtcNow(),
        }, cancellationToken);
    }

    /// <summary>
    /// Records a question refused as outside the guidance's scope (no thumbs: it is no answer), so the editors see what
    /// people ask that the guidance does not cover, and any question refused by mistake.
    /// </summary>
    public Task RecordRefusalAsync(Activity incoming, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return incoming.Conversation?.Id is not { } conversationId
            ? Task.CompletedTask
            : records.RecordAsync(new AnswerRecord
            {
                AnswerId = AnswerIds.New(),
                ChannelId = incoming.ChannelId ?? string.Empty,
                ConversationId = conversationId,
                Question = question,
                Kind = AnswerRecord.Refused,
                AnsweredAt = clock.GetUtcNow(),
            }, cancellationToken);
    }

    public Activity Render(GuidanceAnswer answer, Activity incoming, string answerId) => AnswerRenderer.Render(answer, incoming, corpus, answerId);
}
