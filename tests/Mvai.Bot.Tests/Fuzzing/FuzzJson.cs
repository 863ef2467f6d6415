using System.Globalization;
using System.Text;
using CsCheck;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>
/// Generators of JSON text, written by hand rather than serialized so they can carry what serializers never
/// produce: lone surrogates as <c>\uD800</c> escapes, numbers no type can hold, nesting deeper than any parser allows.
/// </summary>
internal static class FuzzJson
{
    /// <summary>Text that trips naive code: NUL and control characters, RTL overrides, zero-width and BOM characters,
    /// lone surrogates, emoji sequences, combining marks, markup, and words the bot reacts to.</summary>
    private static readonly string[] OddPieces =
    [
        "\0", "\u0001", "\u001F", "\u202E", "\u200F", "\u200B", "\u200D", "\uFEFF", "\uD800", "\uDC00", "\uDBFF\uDFFF",
        "👮‍♀️", "e\u0301\u0301", "\r\n", "\t", "\\", "\"", "\u2028", "</script><script>alert(1)</script>", "' OR 1=1 --",
        "MVAI-2026-0042", "cancel", "help", "talk to a person", "we need MVAI help", "yes", "no", "%00", "$(reboot)",
        "{{name}}", "ﷺ", "مرحبا", "שלום", "𝕿𝖊𝖘𝖙", "null", "undefined", "-1", "1e309", " ", "",
    ];

    public static readonly Gen<string> OddText = Gen.Frequency(
        (2, Gen.String[0, 30]),
        (6, Gen.OneOf(OddPieces)),
        (6, Gen.OneOf(OddPieces).Array[1, 8].Select(string.Concat)),
        (1, Gen.Char.Array[0, 60].Select(chars => new string(chars))),
        (1, Gen.Int[1_000, 20_000].Select(length => new string('\u200B', length))));

    public static readonly Gen<string> Number = Gen.Frequency(
        (1, Gen.Int.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1e400", "-0", "123456789012345678901234567890", "0.0000000000000000000001", "-9223372036854775809", "1E-400")));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.OneOf("null", "true", "false")),
        (2, Number),
        (4, OddText.Select(Quote)));

    /// <summary>Any JSON value, nested a few levels.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, value.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, ObjectOf(value))));

    /// <summary>A JSON object of any values.</summary>
    public static readonly Gen<string> AnObject = ObjectOf(Value);

    /// <summary>Objects with distinct names, but one in ten keeps a repeated name.</summary>
    private static Gen<string> ObjectOf(Gen<string> value) =>
        Gen.Select(Gen.Select(Gen.Frequency((3, Gen.OneOf("id", "type", "text", "name", "value", "data", "action", "tenant")), (1, OddText)), value).Array[0, 4], Gen.Int[0, 9])
            .Select((members, repeat) => "{" + string.Join(",", (repeat == 0 ? members : members.DistinctBy(m => m.Item1)).Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>A JSON string literal; surrogates and control characters go out as <c>\uXXXX</c> escapes, so a lone
    /// surrogate reaches the parser as JSON allows it (raw, it could not even be encoded as UTF-8).</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                _ when c < ' ' || char.IsSurrogate(c) => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => json.Append(c),
            };
        }
        return json.Append('"').ToString();
    }

    /// <summary>An object of the given members, each written as <c>"name":value</c>; null values leave the member out.</summary>
    public static string Object(IEnumerable<(string Name, string? Value)> members) =>
        "{" + string.Join(",", members.Where(m => m.Value is not null).Select(m => Quote(m.Name) + ":" + m.Value)) + "}";

    /// <summary>Arrays or objects nested <paramref name="depth"/> deep, far past System.Text.Json's 64.</summary>
    public static string Nested(int depth, bool objects) => objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + "1" + new string(']', depth);
}
