using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// The embedded Direct Line's tables on either engine: the activity log (each conversation row carries its last
/// sequence number) and its settings (the generated token signing key).
/// </summary>
public static class DirectLineSchema
{
    public static SchemaComponent Component { get; } = new("directline",
    [
        """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            conversation_id text PRIMARY KEY,
            created_at      {instant} NOT NULL,
            last_seq        bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id text   NOT NULL,
            seq             bigint NOT NULL,
            body            text   NOT NULL,
            created_at      {instant} NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        CREATE TABLE IF NOT EXISTS directline_settings (name text PRIMARY KEY, value text NOT NULL);
        """,
    ]);
}
