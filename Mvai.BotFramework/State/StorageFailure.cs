using System.Data.Common;

namespace Mvai.BotFramework.State;

/// <summary>
/// Tells a failing database from a failing turn, for any ADO.NET provider (SQLite's and Npgsql's exceptions both derive
/// from <see cref="DbException"/>): the request is answered 503 and retried later, instead of resetting the conversation.
/// </summary>
public static class StorageFailure
{
    /// <summary>
    /// Whether the database is unavailable (busy, locked, unreachable, out of space), so a retry later can succeed.
    /// A constraint violation or a bad statement is not: retrying that turn would fail for ever.
    /// </summary>
    public static bool IsStorageDown(Exception? exception) => Find(exception) switch
    {
        Npgsql.NpgsqlException postgres => postgres.IsTransient,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is
            SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen,
        _ => false,
    };

    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>What the log may say about the failure: the provider's type and error code, never its message, which
    /// can quote the data (a PostgreSQL constraint error names the duplicate value).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var database = Find(exception);
        return database is null
            ? exception.GetType().Name
            : $"{database.GetType().Name} {database.SqlState ?? Code(database).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>PostgreSQL has SQLSTATE; SQLite's own result code (5 = busy) says more than its HRESULT.</summary>
    private static int Code(DbException database) =>
        database is Microsoft.Data.Sqlite.SqliteException sqlite ? sqlite.SqliteErrorCode : database.ErrorCode;

    private static DbException? Find(Exception? exception) => exception switch
    {
        null => null,
        DbException database => database,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null),
        _ => Find(exception.InnerException),
    };
}
