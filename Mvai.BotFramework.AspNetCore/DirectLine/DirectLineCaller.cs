namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Who called: a holder of the secret (any conversation) or of a token (its conversation only).
/// Failures carry the status and code Azure Direct Line would answer with.
/// </summary>
internal sealed record DirectLineCaller(bool HasSecret, DirectLineToken? Token, int Status = 200, string? Code = null)
{
    public bool Succeeded => Status == 200;

    public static DirectLineCaller Fail(int status, string code) => new(false, null, status, code);

    /// <summary>Whether this caller may use the conversation; a token is scoped to exactly one.</summary>
    public bool MayUse(string conversationId) => HasSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);
}
