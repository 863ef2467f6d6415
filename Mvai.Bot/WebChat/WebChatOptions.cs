namespace Mvai.Bot.WebChat;

/// <summary>Settings of the Web Chat token endpoint and the embed snippet (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// The Azure Bot Service Direct Line secret. When set, tokens come from Azure's Direct Line;
    /// when empty, from the embedded one. It never leaves the server.
    /// </summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>Azure's Direct Line host (regional hosts exist for Europe and India).</summary>
    public Uri DirectLineEndpoint { get; set; } = new("https://directline.botframework.com");

    /// <summary>
    /// Origins (<c>https://www.example.org</c>) whose pages may embed the chat: they get CORS headers and
    /// become the Azure token's trusted origins. The bot's own origin is always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Tokens one client IP address may get per minute.</summary>
    /// <value>Defaults to 10.</value>
    public int TokensPerMinute { get; set; } = 10;

    /// <summary>How long a call to Azure's Direct Line may take before the page gets a 502.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan DirectLineTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
