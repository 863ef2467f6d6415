using System.Data.Common;

namespace Mvai.BotFramework.State.Relational;

/// <summary>
/// The tables one feature owns, as the ordered steps that build them; step N is applied once, when the database
/// records a lower version for <see cref="Name"/> in <c>schema_versions</c>. Steps are only ever appended: an
/// applied step is never edited, since databases that ran it will not run it again.
/// </summary>
/// <param name="Name">The component's row in <c>schema_versions</c> (the names PostgreSQL databases already carry).</param>
/// <param name="Steps">The migrations, oldest first.</param>
public sealed record SchemaComponent(string Name, IReadOnlyList<SchemaStep> Steps);

/// <summary>
/// One migration: SQL written once for both engines, with the few type names that differ as tokens
/// (<see cref="SqlDatabase.Ddl"/>), or code for what SQL cannot say on one of them (SQLite adds no column "if missing").
/// </summary>
public sealed class SchemaStep
{
    private readonly string? _sql;
    private readonly Func<SqlDatabase, DbConnection, DbTransaction, Task>? _run;

    private SchemaStep(string? sql, Func<SqlDatabase, DbConnection, DbTransaction, Task>? run)
    {
        _sql = sql;
        _run = run;
    }

    public static SchemaStep Sql(string sql) => new(sql ?? throw new ArgumentNullException(nameof(sql)), null);

    public static SchemaStep Code(Func<SqlDatabase, DbConnection, DbTransaction, Task> run) => new(null, run ?? throw new ArgumentNullException(nameof(run)));

    public static implicit operator SchemaStep(string sql) => Sql(sql);

    internal Task ApplyAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction) => _run is not null
        ? _run(database, connection, transaction)
        : SqlDatabase.ExecuteDdlAsync(connection, transaction, database.Ddl(_sql!));
}
