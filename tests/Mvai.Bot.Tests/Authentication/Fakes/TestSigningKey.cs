using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Mvai.Bot.Tests.Authentication.Fakes;

/// <summary>An RSA 2048 signing key as a channel or Entra would publish it; null endorsements: no such member.</summary>
public sealed class TestSigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string[]? endorsements = null)
    {
        Endorsements = endorsements;
        Credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; } = "kid-" + Guid.NewGuid().ToString("N")[..12];

    public string[]? Endorsements { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key as a JWK, with the Bot Framework <c>endorsements</c> extension when set.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }
        return jwk;
    }
}
