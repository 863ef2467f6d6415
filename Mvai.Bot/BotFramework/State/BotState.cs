using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mvai.Bot.BotFramework.Hosting;

namespace Mvai.Bot.BotFramework.State;

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
            ? new CachedState(item.Document, item.ETag, item.Json)
            : new CachedState([], null);
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
        var pending = new List<(BotState Scope, CachedState Cached, string Key, string Json, JsonObject Document)>();
        foreach (var scope in scopes)
        {
            if (!turnContext.TurnState.TryGetValue(scope.CacheKey, out var value) || value is not CachedState cached)
            {
                continue;
            }
            var document = cached.Snapshot();
            var json = document.ToJsonString();
            if (force || json != cached.LoadedJson)
            {
                pending.Add((scope, cached, scope.GetStorageKey(turnContext), json, document));
            }
        }
        foreach (var group in pending.GroupBy(change => change.Scope._storage))
        {
            var etags = await group.Key.WriteAsync(
                group.ToDictionary(change => change.Key, change => new StoreItem(change.Document, change.Cached.ETag) { Json = change.Json }, StringComparer.Ordinal),
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
            turnContext.TurnState[CacheKey] = new CachedState([], null);
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

    /// <summary>The turn's copy of the scope: the JSON as loaded plus live objects handed out to the bot.</summary>
    /// <param name="document">The document as loaded.</param>
    /// <param name="etag">The ETag it was loaded with; null when there was none.</param>
    /// <param name="loadedJson">The document's text as stored, when the storage gave it, so it is not serialized again to compare.</param>
    private sealed class CachedState(JsonObject document, string? etag, string? loadedJson = null)
    {
        private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);
        private JsonObject _document = document;

        public string LoadedJson { get; private set; } = loadedJson ?? document.ToJsonString();
        public string? ETag { get; private set; } = etag;

        public T? Get<T>(string name, Func<T>? defaultFactory)
        {
            if (_live.TryGetValue(name, out var live))
            {
                return (T?)live.Value;
            }
            T? value;
            if (_document.TryGetPropertyValue(name, out var node) && node is not null)
            {
                value = node.Deserialize<T>(SerializerOptions);
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
            _document.Remove(name);
        }

        public void Clear()
        {
            _live.Clear();
            _document = [];
        }

        /// <summary>The document with live objects serialized back in; mutations made by the bot are captured here.</summary>
        public JsonObject Snapshot()
        {
            foreach (var (name, (value, type)) in _live)
            {
                _document[name] = value is null ? null : JsonSerializer.SerializeToNode(value, type, SerializerOptions);
            }
            return _document;
        }

        public void MarkSaved(string json, string etag)
        {
            LoadedJson = json;
            ETag = etag;
        }
    }
}
