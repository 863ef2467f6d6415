using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.Bot.BotFramework.Protocol;

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
}
