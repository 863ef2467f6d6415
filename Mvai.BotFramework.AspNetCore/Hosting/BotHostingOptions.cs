namespace Mvai.BotFramework.Hosting;

/// <summary>Limits of the <c>/api/messages</c> endpoint and the turn pipeline.</summary>
public sealed class BotHostingOptions
{
    public const string SectionName = "BotHosting";

    /// <summary>Largest accepted activity body, in bytes; larger requests get 413.</summary>
    /// <value>Defaults to 256 KiB (Bot Framework channels cap activities well below this).</value>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>How long an activity id is remembered to drop channel retries.</summary>
    /// <value>Defaults to 10 minutes.</value>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>Retry-After</c> of the 503 answered while the database is unreachable.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan StorageRetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
