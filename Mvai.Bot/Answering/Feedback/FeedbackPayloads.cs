using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// Reads the two wire shapes of a thumb. Teams: invoke <c>message/submitAction</c>, value
/// <c>{actionName:"feedback", actionValue:{reaction:"like"|"dislike", feedback:"{\"feedbackText\":\"...\"}"}}</c>, replyToId
/// the answer. Web Chat 4.18.1: event <c>webchat:activity-status/feedback</c> whose entities hold the clicked action.
/// </summary>
internal static class FeedbackPayloads
{
    public const string TeamsInvokeName = "message/submitAction";
    public const string WebChatEventName = "webchat:activity-status/feedback";

    /// <summary>Reads a Teams feedback invoke; false with the reason when it is not one the assistant understands.</summary>
    public static bool TryReadTeams(Activity activity, [NotNullWhen(true)] out FeedbackSubmission? submission, [NotNullWhen(false)] out string? problem)
    {
        submission = null;
        if (activity.Value is not JsonObject value || value["actionName"] is not JsonValue actionName
            || !actionName.TryGetValue<string>(out var name) || name != "feedback")
        {
            problem = "the value is not a feedback action";
            return false;
        }
        if (value["actionValue"] is not JsonObject action || !TryReadReaction(action["reaction"], out var reaction))
        {
            problem = "the reaction is not like or dislike";
            return false;
        }
        // Teams names the answer by replyToId. The Agents Playground 0.2.28 sends none: such a thumb names no answer and is
        // acknowledged but not stored, rather than pinned on a guess.
        problem = null;
        submission = new FeedbackSubmission(null, string.IsNullOrWhiteSpace(activity.ReplyToId) ? null : activity.ReplyToId, reaction, ReadTeamsText(action["feedback"]));
        return true;
    }

    /// <summary>Reads a Web Chat feedback event; false when no entity is a thumb of one of the assistant's answers.</summary>
    public static bool TryReadWebChat(Activity activity, [NotNullWhen(true)] out FeedbackSubmission? submission)
    {
        submission = null;
        foreach (var entity in activity.Entities ?? [])
        {
            var type = entity.GetString("@type");
            FeedbackReaction? reaction = type switch { "LikeAction" => FeedbackReaction.Like, "DislikeAction" => FeedbackReaction.Dislike, _ => null };
            if (reaction is { } r && FeedbackActionIds.TryRead(entity.GetString("@id"), out var answerId))
            {
                submission = new FeedbackSubmission(answerId, null, r, null);
                return true;
            }
        }
        return false;
    }

    private static bool TryReadReaction(JsonNode? node, out FeedbackReaction reaction)
    {
        reaction = default;
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        switch (text)
        {
            case "like":
                reaction = FeedbackReaction.Like;
                return true;
            case "dislike":
                reaction = FeedbackReaction.Dislike;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The typed text: Teams sends <c>feedback</c> as a JSON string holding <c>feedbackText</c>. A string that is not that
    /// JSON is taken as the text itself; anything else is no text. Blank text is none.
    /// </summary>
    private static string? ReadTeamsText(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        string? text = raw;
        try
        {
            if (JsonNode.Parse(raw) is JsonObject inner)
            {
                text = inner["feedbackText"] is JsonValue t && t.TryGetValue<string>(out var typed) ? typed : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text as typed.
        }
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > FeedbackSubmission.MaxTextLength ? text[..FeedbackSubmission.MaxTextLength] : text;
    }
}
