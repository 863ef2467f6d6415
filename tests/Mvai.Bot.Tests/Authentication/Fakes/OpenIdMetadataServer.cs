using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mvai.Bot.Tests.Authentication.Fakes;

/// <summary>
/// Stands in for login.botframework.com (channel metadata, JWKS with endorsements) and for
/// login.microsoftonline.com/common (Entra metadata and keys) on loopback, and signs real RS256 tokens.
/// Keys can be added or rotated while the bot runs.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _channelKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private LoopbackServer? _server;
    private int _channelKeySetRequests;

    private OpenIdMetadataServer()
    {
        ChannelKey = AddChannelKey("test", "msteams", "directline", "webchat");
        TeamsOnlyKey = AddChannelKey("msteams");
        UnendorsedKey = AddChannelKey(endorsements: null);
        EntraKey = AddEntraKey();
    }

    // All keys exist before the bot first loads the metadata, so no test depends on an unknown-key refresh.

    /// <summary>Published for the channel, endorsed for test, msteams, directline and webchat.</summary>
    public TestSigningKey ChannelKey { get; }

    /// <summary>Published for the channel, endorsed for msteams only.</summary>
    public TestSigningKey TeamsOnlyKey { get; }

    /// <summary>Published for the channel without an endorsements member.</summary>
    public TestSigningKey UnendorsedKey { get; }

    public TestSigningKey EntraKey { get; }

    public string ChannelMetadataUrl => _server!.BaseAddress + "v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => _server!.BaseAddress + "common/v2.0/.well-known/openid-configuration";

    /// <summary>How often the channel JWKS was downloaded.</summary>
    public int ChannelKeySetRequests => Volatile.Read(ref _channelKeySetRequests);

    public static async Task<OpenIdMetadataServer> StartAsync()
    {
        var metadata = new OpenIdMetadataServer();
        metadata._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest r) => Json(Configuration(r, ChannelIssuer, "v1/.well-known/keys")));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref metadata._channelKeySetRequests);
                return Json(metadata.KeySet(metadata._channelKeys));
            });
            app.MapGet("/common/v2.0/.well-known/openid-configuration", (HttpRequest r) =>
                Json(Configuration(r, "https://login.microsoftonline.com/{tenantid}/v2.0", "common/discovery/v2.0/keys")));
            app.MapGet("/common/discovery/v2.0/keys", () => Json(metadata.KeySet(metadata._entraKeys)));
        });
        return metadata;
    }

    public TestSigningKey AddChannelKey(params string[]? endorsements) => Add(_channelKeys, new TestSigningKey(endorsements));

    public TestSigningKey AddEntraKey() => Add(_entraKeys, new TestSigningKey());

    /// <summary>Replaces every published channel key with a new one, as a key rollover does.</summary>
    public TestSigningKey RotateChannelKey()
    {
        lock (_gate)
        {
            _channelKeys.Clear();
        }
        return AddChannelKey("test", "msteams", "directline", "webchat");
    }

    /// <summary>A channel token for our app id and service URL (a null serviceUrl leaves the claim out).</summary>
    public string ChannelToken(string audience, string? serviceUrl, TestSigningKey? key = null,
        DateTimeOffset? expires = null, string issuer = ChannelIssuer, string algorithm = SecurityAlgorithms.RsaSha256) =>
        Sign(key ?? ChannelKey, issuer, new Dictionary<string, object> { ["aud"] = audience, ["serviceurl"] = serviceUrl! }, expires, algorithm);

    /// <summary>Signs a token with real RS256; claims with null values are left out.</summary>
    public static string Sign(TestSigningKey key, string issuer, IDictionary<string, object> claims,
        DateTimeOffset? expires = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var expiresAt = (expires ?? DateTimeOffset.UtcNow.AddHours(1)).UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = claims.Where(c => c.Value is not null).ToDictionary(),
            IssuedAt = expiresAt.AddHours(-1),
            NotBefore = expiresAt.AddHours(-1),
            Expires = expiresAt,
            SigningCredentials = new SigningCredentials(key.Credentials.Key, algorithm),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private TestSigningKey Add(List<TestSigningKey> keys, TestSigningKey key)
    {
        lock (_gate)
        {
            keys.Add(key);
        }
        return key;
    }

    private JsonObject KeySet(List<TestSigningKey> keys)
    {
        lock (_gate)
        {
            return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) };
        }
    }

    private static JsonObject Configuration(HttpRequest request, string issuer, string jwksPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{request.Scheme}://{request.Host}/{jwksPath}",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
