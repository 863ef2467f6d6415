using System.Diagnostics.CodeAnalysis;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// The <c>@id</c> of a Web Chat thumb, <c>urn:mvai:answer:{answerId}:like</c>: Web Chat posts the clicked action back
/// as it was sent, with no replyToId, so the id is how the click finds its answer.
/// </summary>
internal static class FeedbackActionIds
{
    private const string Prefix = "urn:mvai:answer:";

    public static string For(string answerId, FeedbackReaction reaction) =>
        $"{Prefix}{answerId}:{(reaction == FeedbackReaction.Like ? "like" : "dislike")}";

    public static bool TryRead(string? id, [NotNullWhen(true)] out string? answerId)
    {
        answerId = null;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = id[Prefix.Length..];
        var colon = rest.LastIndexOf(':');
        var candidate = colon > 0 ? rest[..colon] : string.Empty;
        if (!AnswerIds.IsWellFormed(candidate))
        {
            return false;
        }
        answerId = candidate;
        return true;
    }
}
