using System.Text;
using CsCheck;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>
/// Authorization headers no credential check may answer with a server error: encrypted (five-part) token shapes with
/// segments that are not base64url, tokens whose header or payload is not JSON, Basic credentials that are not base64,
/// not UTF-8 or without a colon. Every one must be a plain 401 (or the endpoint's own refusal).
/// </summary>
internal static class MalformedCredentials
{
    private static readonly string EncryptedHeader = Base64Url("""{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}""");
    private static readonly string SignedHeader = Base64Url("""{"alg":"RS256","typ":"JWT","kid":"k1"}""");

    public static readonly string[] Shapes =
    [
        $"Bearer {EncryptedHeader}.a.b.c.d",
        $"Bearer {EncryptedHeader}.e30.e30.e30.e30",
        $"Bearer {EncryptedHeader}..a..",
        "Bearer a.b.c.d.e",
        "Bearer .....",
        $"Bearer {Base64Url("{")}.e30.c2ln",
        $"Bearer {SignedHeader}.{Base64Url("[1,2")}.c2ln",
        $"Bearer {SignedHeader}.a.c2ln",
        $"Bearer {SignedHeader}.e30.",
        $"Bearer {SignedHeader}.e30.c2ln.a.b.c",
        "Bearer " + new string('A', 8000),
        "Basic !!!not-base64!!!",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon-here")),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":")),
        "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0xC0, 0x80]),
        "Basic",
        "Bearer",
    ];

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Printable ASCII: HttpClient refuses anything else in a header.</summary>
    private static readonly Gen<string> OddAscii = Gen.Char['!', '~'].Array[0, 30].Select(chars => new string(chars));

    /// <summary>One to seven dot-separated segments, each valid base64url, of a wrong length, or not base64url at all.</summary>
    private static readonly Gen<string> DottedToken = Gen.Frequency(
            (3, Gen.Byte.Array[0, 40].Select(bytes => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'))),
            (2, Gen.Char[Base64UrlAlphabet].Array[0, 40].Select(chars => new string(chars))),
            (1, OddAscii),
            (1, Gen.OneOf(EncryptedHeader, SignedHeader, "e30", "")))
        .Array[1, 7].Select(segments => string.Join('.', segments));

    /// <summary>A known shape, or a generated one: a dotted token or base64 after Bearer or Basic, in any letter case.</summary>
    public static readonly Gen<string?> Any = Gen.Frequency(
        (1, Gen.OneOf(Shapes)),
        (3, DottedToken.Select(token => "Bearer " + token)),
        (1, Gen.Select(Gen.OneOf("Bearer ", "bearer ", "BEARER  ", "Basic ", "basic ", "Negotiate "), Gen.Frequency((1, DottedToken), (1, OddAscii)))
            .Select((scheme, rest) => scheme + rest)),
        (1, Gen.Byte.Array[0, 40].Select(bytes => "Basic " + Convert.ToBase64String(bytes))))
        .Select(header => (string?)header);

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
