using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Dialogs.Testing;

/// <summary>
/// A real <see cref="SqliteStorage"/> on a private in-memory database, kept alive by one open connection,
/// so dialog state really goes through JSON and SQL between turns.
/// </summary>
public sealed class DialogTestStore : IDisposable
{
    private readonly SqliteConnection _keepAlive;

    public DialogTestStore()
    {
        var connectionString = $"Data Source=mvai-dialogs-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        Storage = new SqliteStorage(connectionString).Migrated();
    }

    public SqliteStorage Storage { get; }

    /// <summary>The stored JSON document of a conversation, as the next turn will read it.</summary>
    public async Task<JsonObject?> ReadConversationAsync(string channelId, string conversationId)
    {
        var key = $"{channelId}/conversations/{conversationId}";
        var items = await Storage.ReadAsync([key], CancellationToken.None);
        return items.TryGetValue(key, out var item) ? item.Document : null;
    }

    public void Dispose() => _keepAlive.Dispose();
}
