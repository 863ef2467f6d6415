using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mvai.BotFramework.Protocol;

/// <summary>
/// A Bot Framework activity, the unit of every exchange between a channel and the bot.
/// Fields the layer does not model are kept in <see cref="Properties"/> so nothing a channel
/// sends is lost on a round trip; <see cref="ChannelData"/> and <see cref="Value"/> stay raw JSON.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public JsonNode? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }
    public string? CallerId { get; set; }

    /// <summary>Properties the channel sent that this class does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Whether the activity is of the given <see cref="ActivityTypes"/> value (case-insensitive).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Creates a message that answers this activity: the sender becomes the recipient, the conversation,
    /// channel and service URL are copied, and <see cref="ReplyToId"/> points at this activity.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = RoleTypes.Bot },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId, Role = From.Role },
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation,
        Text = text,
        Locale = Locale,
        Attachments = [],
        Entities = [],
    };

    /// <summary>The reference that lets the bot reach this conversation again later (proactive messages, handoff).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = IsType(ActivityTypes.ConversationUpdate) ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>Creates a plain message activity (the turn context fills in the addressing).</summary>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
