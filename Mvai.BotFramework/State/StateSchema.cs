using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.State;

/// <summary>The bot state table, one row per key, on either engine.</summary>
public static class StateSchema
{
    public static SchemaComponent BotState { get; } = new("bot_state",
    [
        """
        CREATE TABLE IF NOT EXISTS bot_state (
            key        text PRIMARY KEY,
            document   text NOT NULL,
            etag       text NOT NULL,
            updated_at {instant} NOT NULL
        );
        """,
    ]);
}
