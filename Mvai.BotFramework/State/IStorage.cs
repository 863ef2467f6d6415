using System.Text.Json.Nodes;

namespace Mvai.BotFramework.State;

/// <summary>
/// Key/value storage of JSON documents with optimistic concurrency, the seam behind all bot state.
/// </summary>
/// <remarks>
/// ETag rules for <see cref="WriteAsync"/>: <c>"*"</c> overwrites unconditionally; <c>null</c> creates and
/// fails if the key already exists; any other value must equal the stored ETag. A failed condition throws
/// <see cref="StorageConcurrencyException"/> and writes nothing of the batch. Unlike the classic Bot Framework
/// MemoryStorage, <c>null</c> does not mean "overwrite": two turns that both saw "no state yet" must not
/// silently overwrite each other.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the keys that exist; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes the items atomically and returns their new ETags.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> items, CancellationToken cancellationToken);

    /// <summary>Deletes the keys; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Deletes the items last written before <paramref name="cutoff"/> (idle conversations and users); returns how many.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>A stored JSON document and the ETag it was read with (or the condition to write it under).</summary>
/// <remarks>
/// Storages keep documents as text and the bot's state reads and writes them as text, so an item made from text is
/// parsed into <see cref="Document"/> only if someone asks for the tree, and an item made from a tree is serialized once.
/// </remarks>
public sealed class StoreItem
{
    private JsonObject? _document;
    private string? _json;

    public StoreItem(JsonObject document, string? etag)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        ETag = etag;
    }

    private StoreItem(string json, string? etag)
    {
        _json = json;
        ETag = etag;
    }

    /// <summary>An item from its JSON text (a JSON object), as a storage reads it or a state scope writes it.</summary>
    public static StoreItem FromJson(string json, string? etag)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new StoreItem(json, etag);
    }

    /// <summary>The document as a mutable tree (parsed on first use when the item was made from text).</summary>
    public JsonObject Document => _document ??= JsonNode.Parse(_json!) as JsonObject ?? [];

    /// <summary>The document as JSON text (serialized on first use when the item was made from a tree).</summary>
    public string Json => _json ??= _document!.ToJsonString();

    /// <summary>The ETag it was read with, or the write condition: <c>"*"</c>, <c>null</c> or an ETag.</summary>
    public string? ETag { get; }
}

/// <summary>A write whose ETag condition did not hold: someone else changed the item first.</summary>
public sealed class StorageConcurrencyException(string key)
    : Exception($"The stored item '{key}' was changed by someone else (ETag mismatch).")
{
    public string Key { get; } = key;
}
