namespace Mvai.BotFramework.DirectLine;

/// <summary>A minted or validated Direct Line token and what it grants.</summary>
public sealed record DirectLineToken(string Value, string ConversationId, string? UserId, DateTimeOffset ExpiresAt, int ExpiresIn);
