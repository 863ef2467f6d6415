using System.Text.Json;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Handoff;

/// <summary>The <c>value</c> of a <c>handoff.status</c> event.</summary>
/// <param name="State">One of <see cref="HandoffStates"/>.</param>
/// <param name="Message">What the hub wants the bot to know, e.g. why it failed.</param>
public sealed record HandoffStatus(string State, string? Message);

/// <summary>
/// Builds and reads handoff events with the shapes of the SDK's EventFactory, so an external
/// contact-center hub and the built-in advisor hub see the same thing.
/// </summary>
public static class HandoffEvents
{
    public const string TranscriptAttachmentName = "Transcript";

    /// <summary>
    /// A <c>handoff.initiate</c> event for the conversation of <paramref name="trigger"/>: from the user, relating to
    /// the conversation reference, replying to the triggering activity, with the transcript attached inline.
    /// </summary>
    public static Activity CreateInitiation(Activity trigger, JsonNode? handoffContext, IEnumerable<Activity> transcript)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(transcript);
        var activities = new JsonArray();
        foreach (var activity in transcript)
        {
            activities.Add(JsonSerializer.SerializeToNode(activity, ProtocolJson.Default.Activity));
        }
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = HandoffEventNames.InitiateHandoff,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = trigger.ChannelId,
            ServiceUrl = trigger.ServiceUrl,
            Conversation = trigger.Conversation,
            From = trigger.From,
            Recipient = trigger.Recipient,
            RelatesTo = trigger.GetConversationReference(),
            ReplyToId = trigger.Id,
            Value = handoffContext?.DeepClone(),
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/json",
                    Name = TranscriptAttachmentName,
                    Content = new JsonObject { ["activities"] = activities },
                },
            ],
        };
    }

    /// <summary>A <c>handoff.status</c> event as a hub would post it into the conversation.</summary>
    public static Activity CreateStatus(ConversationReference reference, HandoffStatus status)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(status);
        var value = new JsonObject { ["state"] = status.State };
        if (status.Message is not null)
        {
            value["message"] = status.Message;
        }
        var activity = reference.GetContinuationActivity(HandoffEventNames.HandoffStatus);
        activity.Value = value;
        return activity;
    }

    /// <summary>Reads a <c>handoff.status</c> event; false for anything else or a value without a state.</summary>
    public static bool TryReadStatus(Activity activity, out HandoffStatus status)
    {
        ArgumentNullException.ThrowIfNull(activity);
        status = new HandoffStatus(string.Empty, null);
        if (!activity.IsType(ActivityTypes.Event) || activity.Name != HandoffEventNames.HandoffStatus
            || activity.Value is not JsonObject value || value["state"] is not JsonValue stateNode
            || !stateNode.TryGetValue(out string? state))
        {
            return false;
        }
        var message = value["message"] is JsonValue m && m.TryGetValue(out string? text) ? text : null;
        status = new HandoffStatus(state.ToLowerInvariant(), message);
        return true;
    }

    /// <summary>The activities of the transcript attachment of a <c>handoff.initiate</c> event (inline content only).</summary>
    public static IReadOnlyList<Activity> ReadTranscript(Activity initiation)
    {
        ArgumentNullException.ThrowIfNull(initiation);
        var attachment = initiation.Attachments?.FirstOrDefault(a => a.Name == TranscriptAttachmentName);
        if (attachment?.Content?["activities"] is not JsonArray activities)
        {
            return [];
        }
        return [.. activities.Select(node => node?.Deserialize(ProtocolJson.Default.Activity)).OfType<Activity>()];
    }
}
