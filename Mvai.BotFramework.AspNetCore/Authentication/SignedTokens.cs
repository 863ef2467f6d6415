using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mvai.BotFramework.Authentication;

/// <summary>What the channel and Entra token paths check the same way: signature, algorithm and lifetime.</summary>
public static class SignedTokens
{
    /// <summary>Bot Framework tokens are RSA-signed; anything else (HS256, none, ES*) is refused outright.</summary>
    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // The handler keeps no per-token state and is documented as thread-safe.
    public static JsonWebTokenHandler Handler { get; } = new();

    /// <summary>
    /// Parses a signed compact JWT without validating anything; null for any other shape, encrypted (five-part)
    /// tokens included. The parser reports bad base64url, JSON or structure with several exception types
    /// (FormatException among them), and a malformed credential must end as a 401, never as a 500.
    /// </summary>
    public static JsonWebToken? ReadSigned(string raw)
    {
        try
        {
            var token = new JsonWebToken(raw);
            return token.IsEncrypted ? null : token;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Validation against exactly one key (the one the token's kid names); issuer and audience are set by the caller.</summary>
    public static TokenValidationParameters Parameters(SecurityKey key, TimeSpan clockSkew) => new()
    {
        IssuerSigningKey = key,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = clockSkew,
        ValidateIssuer = true,
        ValidateAudience = false,
    };

    /// <summary>Checks the signature and the parameters; the failure names only the kind of problem.</summary>
    public static async Task<AuthenticationResult> ValidateAsync(JsonWebToken token, TokenValidationParameters parameters)
    {
        var result = await Handler.ValidateTokenAsync(token, parameters);
        return result.IsValid
            ? AuthenticationResult.Success(result.ClaimsIdentity)
            : AuthenticationResult.Fail("token rejected: " + (result.Exception?.GetType().Name ?? "invalid"));
    }

    /// <summary>The validated claims plus the app id and caller id the rest of the bot reads.</summary>
    public static ClaimsIdentity Identity(ClaimsIdentity validated, string appId, string callerId)
    {
        var identity = new ClaimsIdentity(
            validated.Claims.Where(c => c.Type is not (BotClaims.AppId or BotClaims.CallerId)), authenticationType: "Bearer");
        identity.AddClaim(new Claim(BotClaims.AppId, appId));
        identity.AddClaim(new Claim(BotClaims.CallerId, callerId));
        return identity;
    }

    public static string? StringClaim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>
    /// The channel ids a key is endorsed for (Bot Framework's <c>endorsements</c> JWK extension). The JWK
    /// reader keeps unknown members in AdditionalData; depending on the reader they arrive as a JsonElement
    /// or as a list of objects, so both are accepted.
    /// </summary>
    public static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            string => [],
            System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
            _ => [],
        };
    }
}
