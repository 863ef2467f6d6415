namespace Mvai.Bot.BotFramework.DirectLine;

/// <summary>A minted or validated Direct Line token and what it grants.</summary>
internal sealed record DirectLineToken(string Value, string ConversationId, string? UserId, DateTimeOffset ExpiresAt, int ExpiresIn);
