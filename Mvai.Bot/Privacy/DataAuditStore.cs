using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Privacy;

/// <summary>The data-request audit, on either engine.</summary>
internal sealed class DataAuditStore(SqlDatabase database) : IDataAuditStore
{
    public static SchemaComponent Schema { get; } = new("data_request_audit",
    [
        """
        CREATE TABLE IF NOT EXISTS data_request_audit (
            id        {identity},
            action    text NOT NULL,
            reference text NOT NULL,
            actor     text NOT NULL,
            at        {instant} NOT NULL
        );
        CREATE INDEX IF NOT EXISTS data_request_audit_by_reference ON data_request_audit (reference, id);
        """,
    ]);

    public Task RecordAsync(DataAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.ExecuteAsync("INSERT INTO data_request_audit (action, reference, actor, at) VALUES (@Action, @Reference, @Actor, @At)",
            entry, cancellationToken);
    }

    public async Task<IReadOnlyList<DataAuditEntry>> ListAsync(string reference, CancellationToken cancellationToken) =>
        (await database.QueryAsync<Row>("SELECT action, reference, actor, at FROM data_request_audit WHERE reference = @reference ORDER BY id",
            new { reference }, cancellationToken)).ConvertAll(r => new DataAuditEntry(r.Action, r.Reference, r.Actor, r.At));

    private sealed class Row
    {
        public string Action { get; set; } = "";
        public string Reference { get; set; } = "";
        public string Actor { get; set; } = "";
        public DateTimeOffset At { get; set; }
    }
}
