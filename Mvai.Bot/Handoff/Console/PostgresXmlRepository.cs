using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// ASP.NET Core Data Protection keys in PostgreSQL, so every instance can read what another sealed (session cookies).
/// Two instances starting with no key each add one; both end up in every instance's key ring, which is reloaded
/// whenever a payload names a key it does not know yet.
/// </summary>
public sealed class PostgresXmlRepository : IXmlRepository
{
    private static readonly string[] Migrations =
    [
        "CREATE TABLE data_protection_keys (name text PRIMARY KEY, xml text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());",
    ];

    private readonly PostgresDatabase _database;

    public PostgresXmlRepository(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Migrate("data_protection_keys", Migrations);
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = _database.DataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = _database.DataSource.CreateCommand(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING");
        command.Parameters.AddWithValue("name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
