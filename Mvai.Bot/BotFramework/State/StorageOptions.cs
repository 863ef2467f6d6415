namespace Mvai.Bot.BotFramework.State;

/// <summary>Which database holds the bot's state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded, the default). <c>Postgres</c> arrives with the scale-out work.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite the default is a file under <c>data/</c> beside the app.</summary>
    public string? ConnectionString { get; set; }
}
