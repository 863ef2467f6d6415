using System.Security.Cryptography;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Keeps the generated signing key in PostgreSQL. Insert-if-absent then read makes every instance agree on the
/// first key written, so a token issued by one instance is accepted by all.
/// </summary>
internal sealed class PostgresSigningKeyStore : ISigningKeyStore
{
    private const string KeyName = "token_signing_key";
    private readonly PostgresDatabase _database;

    public PostgresSigningKeyStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("directline", PostgresActivityLog.Migrations);
    }

    public byte[] GetOrCreate()
    {
        using (var insert = _database.DataSource.CreateCommand(
            "INSERT INTO directline_settings (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING"))
        {
            insert.Parameters.AddWithValue("name", KeyName);
            insert.Parameters.AddWithValue("value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            insert.ExecuteNonQuery();
        }
        using var read = _database.DataSource.CreateCommand("SELECT value FROM directline_settings WHERE name = @name");
        read.Parameters.AddWithValue("name", KeyName);
        return Convert.FromBase64String((string)read.ExecuteScalar()!);
    }
}
