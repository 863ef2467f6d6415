namespace Mvai.BotFramework.State.Relational;

/// <summary>The database engines the stores run on; what differs between them is kept in <see cref="SqlDatabase"/>.</summary>
public enum SqlEngine
{
    Sqlite,
    Postgres,
}
