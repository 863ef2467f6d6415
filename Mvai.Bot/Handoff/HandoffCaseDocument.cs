using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Handoff;

/// <summary>The parts of a case the queue never filters on, stored as one JSON document.</summary>
internal sealed record HandoffCaseDocument(string? UserName, List<KeyValuePair<string, string>> Details, ConversationReference ConversationReference)
{
    public static HandoffCaseDocument From(HandoffCase c) => new(c.UserName, [.. c.Details], c.ConversationReference);
}
