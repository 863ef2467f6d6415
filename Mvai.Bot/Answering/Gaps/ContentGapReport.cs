using System.Globalization;
using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Answering.Gaps;

/// <summary>
/// Where the guidance falls short, for its editors: questions answered with low confidence, answers given a thumbs
/// down, questions after which the user asked for a person, and questions refused as outside the guidance's scope,
/// grouped by the topic of the guidance that answered them (low-confidence and refused questions had none: "Not
/// covered"), largest group first, each with the passages used.
/// </summary>
internal sealed class ContentGapReport(IAnswerRecordStore records, GuidanceCorpus corpus, TimeProvider clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;
    public const string NotCovered = "Not covered";

    public async Task<IReadOnlyList<ContentGapGroup>> BuildAsync(int days, CancellationToken cancellationToken)
    {
        var gaps = await records.ListGapsAsync(clock.GetUtcNow().AddDays(-days), cancellationToken);
        return
        [
            .. gaps.GroupBy(r => r.Topic ?? NotCovered, StringComparer.Ordinal)
                .Select(g => new ContentGapGroup(g.Key, [.. g.Select(Row)]))
                .OrderByDescending(g => g.Rows.Count)
                .ThenBy(g => g.Topic, StringComparer.Ordinal),
        ];
    }

    public static JsonObject ToJson(IReadOnlyList<ContentGapGroup> groups, int days) => new()
    {
        ["days"] = days,
        ["topics"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
        {
            ["topic"] = g.Topic,
            ["questions"] = new JsonArray([.. g.Rows.Select(r => (JsonNode)new JsonObject
            {
                ["answeredAt"] = r.Record.AnsweredAt.ToString("O", CultureInfo.InvariantCulture),
                ["question"] = r.Record.Question,
                ["reasons"] = new JsonArray([.. r.Reasons.Select(x => (JsonNode)x)]),
                ["confidence"] = r.Record.Confidence,
                ["modelWritten"] = r.Record.ModelWritten,
                ["reaction"] = r.Record.Reaction?.ToString().ToLowerInvariant(),
                ["feedbackText"] = r.Record.FeedbackText,
                ["passages"] = new JsonArray([.. r.Passages.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["heading"] = p.Heading })]),
            })]),
        })]),
    };

    private ContentGapRow Row(AnswerRecord record)
    {
        List<string> reasons = [];
        if (record.Kind == "LowConfidence")
        {
            reasons.Add("low confidence");
        }
        if (record.Kind == AnswerRecord.Caveated)
        {
            reasons.Add("answered under a caveat: the guidance may not cover it");
        }
        if (record.Kind == AnswerRecord.Refused)
        {
            reasons.Add("refused as out of scope");
        }
        if (record.Reaction == FeedbackReaction.Dislike)
        {
            reasons.Add("disliked");
        }
        if (record.LedToHandoff)
        {
            reasons.Add("handoff");
        }
        var passages = record.PassageIds
            .Select(id => corpus.Passages.FirstOrDefault(p => p.Id == id) is { } p ? new ContentGapPassage(id, p.Heading) : new ContentGapPassage(id, "(no longer in the guidance)"))
            .ToList();
        return new ContentGapRow(record, reasons, passages);
    }
}

internal sealed record ContentGapGroup(string Topic, IReadOnlyList<ContentGapRow> Rows);

internal sealed record ContentGapRow(AnswerRecord Record, IReadOnlyList<string> Reasons, IReadOnlyList<ContentGapPassage> Passages);

internal sealed record ContentGapPassage(string Id, string Heading);
