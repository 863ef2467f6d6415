using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.BotFramework.Protocol;

/// <summary>Everything needed to send to a conversation later: persist it for proactive messages and handoff.</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// An event activity addressed as if the user had sent it into this conversation (GetContinuationActivity in the
    /// SDK): what proactive turns, hub status reports and timers run through the bot.
    /// </summary>
    public Activity GetContinuationActivity(string name, string? id = null) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = User,
        Recipient = Bot,
        Locale = Locale,
    };
}
