using System.ComponentModel.DataAnnotations;

namespace Mvai.BotFramework.DirectLine;

/// <summary>Settings of the embedded Direct Line 3.0 channel (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret servers use to mint tokens and start conversations. When empty, only
    /// loopback callers may call <c>/tokens/generate</c> and start conversations without credentials.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Browser origins (<c>https://www.example.org</c>) whose pages may call this Direct Line across origins,
    /// as Web Chat does when embedded on another site. Same-origin pages need no entry.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Key that signs tokens (HMAC-SHA256). When empty, one is generated once and kept in the database.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid.</summary>
    /// <value>Defaults to 30 minutes, like Azure Direct Line.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The bot's account id on this channel (the recipient of user activities).</summary>
    /// <value>Defaults to <c>bot</c>; an app names its own bot.</value>
    [Required]
    public string BotId { get; set; } = "bot";

    /// <summary>The bot's display name on this channel.</summary>
    public string BotName { get; set; } = "Bot";

    /// <summary>The issuer and audience of the tokens this channel mints; tokens of another issuer are refused.</summary>
    /// <value>Defaults to <c>directline</c>.</value>
    [Required]
    public string TokenIssuer { get; set; } = "directline";

    /// <summary>
    /// The PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c> channel that tells the other instances sharing the database about new
    /// activities. A lower-case SQL identifier: it is written into the statement.
    /// </summary>
    /// <value>Defaults to <c>directline_activities</c>.</value>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string NotificationChannel { get; set; } = "directline_activities";

    /// <summary>How often an open stream gets an empty keep-alive frame.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often an open stream also re-reads the log, so activities written by another instance
    /// sharing the database arrive even without an in-process notification.
    /// </summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most activities one GET or stream frame returns.</summary>
    /// <value>Defaults to 100.</value>
    [Range(1, 1000)]
    public int MaxActivitiesPerRead { get; set; } = 100;

    /// <summary>
    /// Conversations one client IP address may start per minute (<c>POST /conversations</c>, <c>/tokens/generate</c>);
    /// more get 429 with <c>Retry-After</c>. Behind a proxy, enable forwarded headers so the client's address is counted.
    /// </summary>
    /// <value>Defaults to 60: a whole office behind one address can still open chats.</value>
    [Range(1, 1_000_000)]
    public int ConversationsPerMinute { get; set; } = 60;

    /// <summary>Activities one conversation may post per minute; more get 429 with <c>Retry-After</c>.</summary>
    /// <value>Defaults to 30, one every two seconds for a full minute: more than anyone types.</value>
    [Range(1, 1_000_000)]
    public int ActivitiesPerMinute { get; set; } = 30;
}
