using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Teams;

/// <summary>What Teams puts on an activity beyond the Bot Framework basics.</summary>
internal static class TeamsConversation
{
    public const string Personal = "personal";

    public static bool IsTeams(this Activity activity) =>
        string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    /// <summary>The user's Entra tenant: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public static string? TenantId(this Activity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } tenantId
            ? tenantId
            : (activity.ChannelData as JsonObject)?["tenant"]?["id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;
}
