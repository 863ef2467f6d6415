using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// The signing keys published behind one OpenID metadata URL. Keys are cached for a day and refetched
/// at once when a token names a key we do not know (keys rotate), but such forced refetches are capped
/// to one per 30 seconds so tokens with made-up key ids cannot make us hammer the metadata server.
/// Written by hand instead of using Microsoft.IdentityModel's ConfigurationManager, whose background
/// refresh hands out the stale configuration while it refreshes, so a freshly rotated key would fail once.
/// </summary>
public sealed class OpenIdMetadataCache(
    string metadataUrl, bool requireHttps, IHttpClientFactory httpClientFactory, TimeProvider clock, ILogger logger) : IDisposable
{
    public const string HttpClientName = "BotOpenIdMetadata";

    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromSeconds(30);

    // After a failed load, the old keys are kept and the next attempt waits this long.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeySnapshot? _snapshot;
    private DateTimeOffset? _lastUnknownKeyRefresh;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with this id, or null when the metadata does not publish it (even after a refresh).</summary>
    public async Task<JsonWebKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || clock.GetUtcNow() >= snapshot.ExpiresAt)
        {
            snapshot = await RefreshAsync(snapshot, forUnknownKey: false, cancellationToken);
        }
        if (snapshot?.Find(keyId) is { } key)
        {
            return key;
        }
        snapshot = await RefreshAsync(snapshot, forUnknownKey: true, cancellationToken);
        return snapshot?.Find(keyId);
    }

    private async Task<KeySnapshot?> RefreshAsync(KeySnapshot? seen, bool forUnknownKey, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            if (!ReferenceEquals(current, seen))
            {
                return current; // another request refreshed while this one waited
            }
            var now = clock.GetUtcNow();
            if (forUnknownKey)
            {
                if (_lastUnknownKeyRefresh is { } last && now - last < UnknownKeyRefreshInterval)
                {
                    AuthenticationLog.UnknownKeyRefreshThrottled(logger, metadataUrl, UnknownKeyRefreshInterval);
                    return current;
                }
                _lastUnknownKeyRefresh = now;
                AuthenticationLog.RefreshingForUnknownKey(logger, metadataUrl);
            }
            var keys = await LoadKeysAsync(cancellationToken);
            var next = keys is not null
                ? new KeySnapshot(keys, now + CacheLifetime)
                : current is null ? null : current with { ExpiresAt = now + RetryAfterFailure };
            Volatile.Write(ref _snapshot, next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IList<JsonWebKey>?> LoadKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            var http = httpClientFactory.CreateClient(HttpClientName);
            var configurationUri = AllowedUri(metadataUrl);
            if (configurationUri is null)
            {
                return null;
            }
            using var configuration = JsonDocument.Parse(await http.GetStringAsync(configurationUri, cancellationToken));
            var jwksUrl = configuration.RootElement.TryGetProperty("jwks_uri", out var property) && property.ValueKind == JsonValueKind.String
                ? property.GetString()
                : null;
            var jwksUri = AllowedUri(jwksUrl ?? throw new InvalidDataException("The OpenID metadata has no jwks_uri."));
            if (jwksUri is null)
            {
                return null;
            }
            var keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken)).Keys;
            AuthenticationLog.MetadataLoaded(logger, keys.Count, metadataUrl);
            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or ArgumentException
            or InvalidDataException or UriFormatException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            AuthenticationLog.MetadataLoadFailed(logger, exception, metadataUrl);
            return null;
        }
    }

    private Uri? AllowedUri(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }
        AuthenticationLog.InsecureMetadataRefused(logger, url);
        return null;
    }

    public void Dispose() => _gate.Dispose();

    private sealed record KeySnapshot(IList<JsonWebKey> Keys, DateTimeOffset ExpiresAt)
    {
        public JsonWebKey? Find(string keyId) => Keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
    }
}
