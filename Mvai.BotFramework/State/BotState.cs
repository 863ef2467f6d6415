using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.State;

/// <summary>
/// A scope of state (conversation, user) loaded once per turn from <see cref="IStorage"/> and written back
/// at the end of the turn only when its JSON changed. Properties are plain JSON in storage and are
/// rehydrated into their declared types by <see cref="IStatePropertyAccessor{T}"/>.
/// </summary>
public abstract class BotState(IStorage storage, string name)
{
    private readonly IStorage _storage = storage;

    /// <summary>
    /// How property values are written: plain JSON, camelCase, no type names, and no null properties: a saved prompt's
    /// activity was two thirds nulls, and every turn reads, compares and writes the whole document.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private string CacheKey { get; } = "BotState." + name;

    /// <summary>The storage key of this scope for the turn, e.g. <c>{channelId}/conversations/{id}</c>.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    /// <summary>Creates a typed accessor for one property of this scope.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string propertyName) => new StatePropertyAccessor<T>(this, propertyName);

    /// <summary>Loads the scope into the turn (once; later calls reuse the cached copy unless forced).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(CacheKey))
        {
            return;
        }
        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken);
        turnContext.TurnState[CacheKey] = items.TryGetValue(key, out var item)
            ? new CachedState(item.Json, item.ETag)
            : new CachedState(null, null);
    }

    /// <summary>Writes the scope if anything changed this turn; throws <see cref="StorageConcurrencyException"/> on a lost race.</summary>
    public Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        SaveAllChangesAsync(turnContext, [this], force, cancellationToken);

    /// <summary>
    /// Writes the changes of several scopes with one storage call per storage, so the turn's state is saved whole or
    /// not at all: a storage that fails (or a lost race on one key) leaves every scope as it was before the turn.
    /// </summary>
    public static async Task SaveAllChangesAsync(
        ITurnContext turnContext, IReadOnlyList<BotState> scopes, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(scopes);
        var pending = new List<(BotState Scope, CachedState Cached, string Key, string Json)>();
        foreach (var scope in scopes)
        {
            if (!turnContext.TurnState.TryGetValue(scope.CacheKey, out var value) || value is not CachedState cached)
            {
                continue;
            }
            var json = cached.Snapshot();
            if (force || json != cached.LoadedJson)
            {
                pending.Add((scope, cached, scope.GetStorageKey(turnContext), json));
            }
        }
        foreach (var group in pending.GroupBy(change => change.Scope._storage))
        {
            var etags = await group.Key.WriteAsync(
                group.ToDictionary(change => change.Key, change => StoreItem.FromJson(change.Json, change.Cached.ETag), StringComparer.Ordinal),
                cancellationToken);
            foreach (var change in group)
            {
                change.Cached.MarkSaved(change.Json, etags[change.Key]);
            }
        }
    }

    /// <summary>Drops the scope's cached values for this turn (the next save deletes nothing; it writes an empty document).</summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(CacheKey, out var value) && value is CachedState cached)
        {
            cached.Clear();
        }
        else
        {
            turnContext.TurnState[CacheKey] = new CachedState(null, null);
        }
    }

    /// <summary>Deletes the scope from storage and from the turn.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(CacheKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    internal async Task<T?> GetPropertyAsync<T>(ITurnContext turnContext, string propertyName, Func<T>? defaultFactory, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken);
        var cached = (CachedState)turnContext.TurnState[CacheKey];
        return cached.Get(propertyName, defaultFactory);
    }

    internal async Task SetPropertyAsync<T>(ITurnContext turnContext, string propertyName, T value, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken);
        ((CachedState)turnContext.TurnState[CacheKey]).Set(propertyName, value);
    }

    internal async Task DeletePropertyAsync(ITurnContext turnContext, string propertyName, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken);
        ((CachedState)turnContext.TurnState[CacheKey]).Remove(propertyName);
    }

    /// <summary>
    /// The turn's copy of the scope: the JSON text as loaded plus the live objects handed out to the bot. The text is
    /// parsed (read-only) only when a property is first asked for, and written back property by property: untouched
    /// properties are copied as they were, live ones serialized from their objects. No mutable JSON tree is built.
    /// </summary>
    /// <param name="loadedJson">The document's text as stored; null when there was none.</param>
    /// <param name="etag">The ETag it was loaded with; null when there was none.</param>
    private sealed class CachedState(string? loadedJson, string? etag)
    {
        private const string Empty = "{}";

        private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
        private JsonElement? _loaded;

        // After Clear the loaded properties are gone; the stored text stays the base the save compares with.
        private bool _cleared;

        public string LoadedJson { get; private set; } = loadedJson ?? Empty;
        public string? ETag { get; private set; } = etag;

        // A document built without pooled buffers: the turn ends without anyone disposing it.
        private JsonElement Loaded => _loaded ??= JsonSerializer.Deserialize<JsonElement>(LoadedJson);

        public T? Get<T>(string name, Func<T>? defaultFactory)
        {
            if (_live.TryGetValue(name, out var live))
            {
                return (T?)live.Value;
            }
            T? value;
            if (!_cleared && !_removed.Contains(name) && Loaded.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null)
            {
                value = element.Deserialize<T>(SerializerOptions);
            }
            else if (defaultFactory is not null)
            {
                value = defaultFactory();
            }
            else
            {
                return default;
            }
            _live[name] = (value, typeof(T));
            return value;
        }

        public void Set<T>(string name, T value) => _live[name] = (value, typeof(T));

        public void Remove(string name)
        {
            _live.Remove(name);
            _removed.Add(name);
        }

        public void Clear()
        {
            _live.Clear();
            _removed.Clear();
            _cleared = true;
        }

        /// <summary>The document's JSON with live objects serialized back in; mutations made by the bot are captured here.</summary>
        public string Snapshot()
        {
            if (_live.Count == 0 && _removed.Count == 0 && !_cleared)
            {
                return LoadedJson;
            }
            var buffer = new ArrayBufferWriter<byte>(LoadedJson.Length + 256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                var written = new HashSet<string>(StringComparer.Ordinal);
                if (!_cleared)
                {
                    foreach (var property in Loaded.EnumerateObject())
                    {
                        if (_removed.Contains(property.Name) || !written.Add(property.Name))
                        {
                            continue;
                        }
                        if (_live.TryGetValue(property.Name, out var live))
                        {
                            WriteLive(writer, property.Name, live);
                        }
                        else
                        {
                            property.WriteTo(writer);
                        }
                    }
                }
                foreach (var (name, live) in _live)
                {
                    if (written.Add(name))
                    {
                        WriteLive(writer, name, live);
                    }
                }
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static void WriteLive(Utf8JsonWriter writer, string name, (object? Value, Type Type) live)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, live.Value, live.Type, SerializerOptions);
        }

        public void MarkSaved(string json, string etag)
        {
            LoadedJson = json;
            ETag = etag;
        }
    }
}
