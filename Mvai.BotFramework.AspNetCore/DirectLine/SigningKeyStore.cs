using System.Security.Cryptography;
using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Keeps the generated signing key in the database. Insert-if-absent then read makes every instance agree on the
/// first key written, so a token issued by one instance is accepted by all.
/// </summary>
internal sealed class SigningKeyStore(SqlDatabase database) : ISigningKeyStore
{
    private const string KeyName = "token_signing_key";

    // Read once, when the token service is built.
    public byte[] GetOrCreate() => GetOrCreateAsync().GetAwaiter().GetResult();

    private async Task<byte[]> GetOrCreateAsync()
    {
        await database.ExecuteAsync(
            "INSERT INTO directline_settings (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING",
            new { name = KeyName, value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) }, CancellationToken.None).ConfigureAwait(false);
        var stored = await database.QueryAsync<string>(
            "SELECT value FROM directline_settings WHERE name = @name", new { name = KeyName }, CancellationToken.None).ConfigureAwait(false);
        return Convert.FromBase64String(stored.Single());
    }
}
