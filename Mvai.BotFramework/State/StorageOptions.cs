namespace Mvai.BotFramework.State;

/// <summary>Which database holds the bot's state, requests, handoff queue and outbox.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The values <see cref="Provider"/> accepts, in any case.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["Sqlite", "Postgres", "PostgreSQL"];

    /// <summary><c>Sqlite</c> (embedded, one instance; the default) or <c>Postgres</c> (shared by several instances).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// Connection string; for SQLite the default is a file under <c>data/</c> beside the app, for PostgreSQL it is
    /// required (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file under <c>data/</c> beside the app when <see cref="ConnectionString"/> is empty.</summary>
    /// <value>Defaults to <c>bot-state.db</c>; an app names its own file.</value>
    public string SqliteFileName { get; set; } = "bot-state.db";

    /// <summary>Whether <see cref="Provider"/> names the embedded SQLite database.</summary>
    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}
