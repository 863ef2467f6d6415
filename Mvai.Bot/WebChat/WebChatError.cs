namespace Mvai.Bot.WebChat;

/// <summary>An error the page may show: never Azure's wording, never a secret.</summary>
internal sealed record WebChatError(string Error);
