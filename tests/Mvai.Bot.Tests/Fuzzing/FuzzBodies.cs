using System.Text;
using CsCheck;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>One generated request: its body bytes, content type and Authorization header.</summary>
internal sealed record FuzzRequest(byte[] Body, string? ContentType, string? Authorization = null)
{
    /// <summary>What a failure report shows: the start of the body (a huge one is cut), its length and headers.</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        var preview = text.Length > 600 ? text[..600] + $"… ({text.Length} chars)" : text;
        return $"{Body.Length} bytes, Content-Type {ContentType ?? "(none)"}, Authorization {Authorization ?? "(none)"}: {preview}";
    }
}

/// <summary>
/// Activities with every field sometimes plausible, sometimes the wrong type or odd text, and bodies broken on
/// purpose: truncated, nested too deep, not UTF-8, empty, larger than the limit, not an object.
/// </summary>
internal static class FuzzBodies
{
    public const int Oversize = 300 * 1024;

    private static readonly Gen<string?> Absent = Gen.Const((string?)null);

    private static readonly string[] KnownTypes =
        ["message", "event", "invoke", "typing", "conversationUpdate", "messageReaction", "endOfConversation", "installationUpdate", "handoff", "trace", "delay", "command"];

    /// <summary>Types that must never move a dialog on: the victim conversation only gets these.</summary>
    private static readonly string[] InertTypes = ["typing", "messageReaction", "trace", "delay", "command", "x-unknown"];

    private static readonly string[] EventNames =
        ["handoff.status", "handoff.initiate", "webchat/join", "ContinueConversation", "adaptiveCard/action", "task/fetch", "composeExtension/query", "signin/verifyState"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/xml",
         "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/octet-stream"];

    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (6, Gen.Const<string?>("application/json")),
        (3, Gen.OneOf(ContentTypes).Select(type => (string?)type)),
        (1, Absent));

    /// <summary>Anything-goes activities for <paramref name="conversationIds"/> (plus odd ones), replies sent to <paramref name="serviceUrl"/>.</summary>
    public static Gen<string> Activity(string[] conversationIds, string serviceUrl) => Fields(
        Gen.Frequency((12, Gen.OneOf(KnownTypes).Select(FuzzJson.Quote)), (3, FuzzJson.OddText.Select(FuzzJson.Quote)), (1, FuzzJson.Value)),
        conversationIds, serviceUrl);

    /// <summary>Activities whose type no dialog reacts to, for a conversation that must come through unharmed.</summary>
    public static Gen<string> InertActivity(string conversationId, string serviceUrl) => Fields(
        Gen.Frequency((3, Gen.OneOf(InertTypes).Select(FuzzJson.Quote)), (1, FuzzJson.OddText.Where(IsUnknownType).Select(FuzzJson.Quote))),
        [conversationId], serviceUrl, withOddConversations: false);

    /// <summary>A body for a request: mostly the activity, else one of the ways a body can be broken.</summary>
    public static Gen<byte[]> Body(Gen<string> activity) => Gen.Frequency(
        (30, activity.Select(Utf8)),
        (2, Gen.Select(activity, Gen.Double[0, 1]).Select((json, cut) => Utf8(json[..(int)(json.Length * cut)]))),
        (1, Gen.Select(activity, FuzzJson.OddText).Select((json, junk) => Utf8(json + junk))),
        (1, Gen.Select(Gen.Int[65, 5_000], Gen.Bool).Select((depth, objects) => Utf8($"{{\"type\":\"message\",\"value\":{FuzzJson.Nested(depth, objects)}}}"))),
        (1, Gen.Select(Gen.Int[65, 5_000], Gen.Bool).Select((depth, objects) => Utf8(FuzzJson.Nested(depth, objects)))),
        (1, Gen.Byte.Array[0, 200]),
        (1, Gen.Const(Array.Empty<byte>())),
        (1, FuzzJson.Value.Select(Utf8)),
        (1, activity.Select(json => Utf8("{\"text\":\"" + new string('a', Oversize) + "\"," + json[1..]))));

    private static Gen<string> Fields(Gen<string> type, string[] conversationIds, string serviceUrl, bool withOddConversations = true)
    {
        var conversation = withOddConversations
            ? Gen.Frequency((6, Gen.OneOf(conversationIds)), (1, FuzzJson.OddText))
            : Gen.OneOf(conversationIds);
        var account = Gen.Select(FuzzJson.OddText, FuzzJson.OddText, Gen.OneOf("user", "bot", "skill", "\u202Euser"))
            .Select((id, name, role) => FuzzJson.Object([("id", FuzzJson.Quote(id)), ("name", FuzzJson.Quote(name)), ("role", FuzzJson.Quote(role))]));
        var attachment = Gen.Select(Gen.OneOf("application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.card.hero", "image/png", "text/plain", ""), FuzzJson.Value)
            .Select((contentType, content) => FuzzJson.Object([("contentType", FuzzJson.Quote(contentType)), ("content", content)]));

        return Gen.Select(
                type,
                Optional(FuzzJson.OddText.Select(FuzzJson.Quote)),
                Gen.Frequency((30, conversation.Select(id => FuzzJson.Object([("id", FuzzJson.Quote(id)), ("conversationType", "\"personal\"")]))), (1, FuzzJson.Value.Select(v => (string?)v)), (1, Absent)),
                Gen.Frequency((30, account.Select(a => (string?)a)), (1, FuzzJson.Value.Select(v => (string?)v)), (1, Absent)),
                Optional(FuzzJson.OddText.Select(FuzzJson.Quote)),
                Optional(Gen.OneOf(EventNames).Select(FuzzJson.Quote)),
                Optional(FuzzJson.Value),
                Optional(Mostly(attachment.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"), FuzzJson.Value)))
            .SelectMany(fields => Gen.Select(
                Gen.Frequency((30, Gen.Const<string?>("\"expectReplies\"")), (3, Absent), (1, FuzzJson.Value.Select(v => (string?)v))),
                Gen.Frequency((30, Gen.Const<string?>(FuzzJson.Quote(serviceUrl))), (1, Absent), (1, FuzzJson.OddText.Select(t => (string?)FuzzJson.Quote(t)))),
                Gen.Frequency((30, Gen.OneOf("\"test\"", "\"msteams\"", "\"webchat\"", "\"directline\"", "\"emulator\"")), (1, FuzzJson.Value)),
                Optional(Mostly(FuzzJson.AnObject, FuzzJson.Value)),
                Optional(Mostly(FuzzJson.AnObject.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"), FuzzJson.Value)),
                Optional(account.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
                Optional(Gen.Frequency((12, Gen.OneOf("\"2026-03-01T10:00:00Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "\"0001-01-01T00:00:00Z\"")), (1, Gen.OneOf("\"not a date\"", "0")))))
            .Select(more => FuzzJson.Object(
            [
                ("type", fields.Item1), ("id", fields.Item2), ("conversation", fields.Item3), ("from", fields.Item4),
                ("text", fields.Item5), ("name", fields.Item6), ("value", fields.Item7), ("attachments", fields.Item8),
                ("deliveryMode", more.Item1), ("serviceUrl", more.Item2), ("channelId", more.Item3),
                ("channelData", more.Item4), ("entities", more.Item5), ("membersAdded", more.Item6), ("timestamp", more.Item7),
                ("recipient", "{\"id\":\"bot-id\",\"role\":\"bot\"}"), ("locale", "\"en-US\""),
            ])));
    }

    /// <summary>Usually the right shape, now and then any JSON value (the wrong type).</summary>
    private static Gen<string> Mostly(Gen<string> right, Gen<string> wrong) => Gen.Frequency((12, right), (1, wrong));

    private static Gen<string?> Optional(Gen<string> value) =>
        Gen.Frequency((2, value.Select(v => (string?)v)), (1, Absent));

    private static bool IsUnknownType(string type) =>
        !KnownTypes.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase) && type.Trim().Length > 0;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
