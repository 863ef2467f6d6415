using System.Text.Json;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// The roster, on either engine. An advisor is one JSON document per id, so a field added to <see cref="PeerAdvisor"/>
/// needs no migration.
/// </summary>
internal sealed class PeerAdvisorStore(SqlDatabase database) : IPeerAdvisorStore
{
    public static SchemaComponent Schema { get; } = new("peer_advisor_roster",
    [
        """
        CREATE TABLE IF NOT EXISTS peer_advisors (
            id         text PRIMARY KEY {nocase},
            document   text NOT NULL,
            version    bigint NOT NULL,
            updated_at {instant} NOT NULL
        );
        CREATE TABLE IF NOT EXISTS peer_advisor_audit (
            id         {identity},
            advisor_id text NOT NULL,
            actor      text NOT NULL,
            action     text NOT NULL,
            detail     text,
            at         {instant} NOT NULL
        );
        """,
    ]);

    public async Task<IReadOnlyList<StoredPeerAdvisor>> ListAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync<Row>("SELECT document, version FROM peer_advisors ORDER BY id", null, cancellationToken))
            .ConvertAll(r => new StoredPeerAdvisor(JsonSerializer.Deserialize(r.Document, DeskJson.Default.PeerAdvisor)!, r.Version));

    public Task<bool> SaveAsync(PeerAdvisor advisor, long expectedVersion, RosterAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(audit);
        var document = JsonSerializer.Serialize(advisor, DeskJson.Default.PeerAdvisor);
        return database.WriteAsync(async write =>
        {
            // Two advisors saving the same version: the conditional statement lets exactly one of them change the row.
            var saved = await write.ExecuteAsync(expectedVersion == 0
                    ? "INSERT INTO peer_advisors (id, document, version, updated_at) VALUES (@Id, @document, 1, @At) ON CONFLICT (id) DO NOTHING"
                    : "UPDATE peer_advisors SET document = @document, version = version + 1, updated_at = @At WHERE id = @Id AND version = @expectedVersion",
                new { advisor.Id, document, audit.At, expectedVersion }) == 1;
            if (saved)
            {
                await write.ExecuteAsync(
                    "INSERT INTO peer_advisor_audit (advisor_id, actor, action, detail, at) VALUES (@AdvisorId, @Actor, @Action, @Detail, @At)", audit);
            }
            return (saved, saved);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RosterAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken) =>
        (await database.QueryAsync<AuditRow>("SELECT advisor_id, actor, action, detail, at FROM peer_advisor_audit ORDER BY id DESC LIMIT @max",
            new { max }, cancellationToken)).ConvertAll(r => new RosterAuditEntry(r.AdvisorId, r.Actor, r.Action, r.Detail, r.At));

    private sealed class Row
    {
        public string Document { get; set; } = "";
        public long Version { get; set; }
    }

    private sealed class AuditRow
    {
        public string AdvisorId { get; set; } = "";
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string? Detail { get; set; }
        public DateTimeOffset At { get; set; }
    }
}
