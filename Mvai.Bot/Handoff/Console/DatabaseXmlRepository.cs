using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// ASP.NET Core Data Protection keys in the database, so every instance can read what another sealed (session
/// cookies); used on PostgreSQL, where instances share it. Two instances starting with no key each add one; both end
/// up in every instance's key ring, which is reloaded whenever a payload names a key it does not know yet.
/// </summary>
public sealed class DatabaseXmlRepository(SqlDatabase database, TimeProvider clock) : IXmlRepository
{
    public static SchemaComponent Schema { get; } = new("data_protection_keys",
    [
        "CREATE TABLE IF NOT EXISTS data_protection_keys (name text PRIMARY KEY, xml text NOT NULL, created_at {instant} NOT NULL);",
    ]);

    // Data Protection asks synchronously, when it loads or rotates its key ring (rarely, never per request).
    public IReadOnlyCollection<XElement> GetAllElements() =>
    [
        .. database.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name", null, CancellationToken.None)
            .ConfigureAwait(false).GetAwaiter().GetResult()
            .Select(xml => XElement.Parse(xml)),
    ];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        database.ExecuteAsync(
                "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING",
                new
                {
                    name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName,
                    xml = element.ToString(SaveOptions.DisableFormatting),
                    now = clock.GetUtcNow(),
                },
                CancellationToken.None)
            .ConfigureAwait(false).GetAwaiter().GetResult();
    }
}
