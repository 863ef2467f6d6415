using System.Security.Cryptography;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Keeps the generated signing key in the bot's SQLite file. <c>INSERT OR IGNORE</c> then <c>SELECT</c>
/// makes every instance sharing the file agree on the first key written.
/// </summary>
internal sealed class SqliteSigningKeyStore(SqliteStorage storage) : ISigningKeyStore
{
    private const string KeyName = "token_signing_key";

    public byte[] GetOrCreate()
    {
        using var connection = storage.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS directline_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT OR IGNORE INTO directline_settings (name, value) VALUES ($name, $value);
            SELECT value FROM directline_settings WHERE name = $name;
            """;
        command.Parameters.AddWithValue("$name", KeyName);
        command.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        return Convert.FromBase64String((string)command.ExecuteScalar()!);
    }
}
