using System.Buffers;
using System.Text.Json;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bench.LoadClient;

/// <summary>
/// Writes one simulated user's activities as complete Bot Framework JSON (the fields a channel sends, deliveryMode
/// expectReplies) into a reused buffer. The user's name is the conversation id, so the advisor can find the
/// conversation's case in the queue. Written field by field with <see cref="Utf8JsonWriter"/>, in the order and
/// format the protocol's serializer uses: serializing an <see cref="Activity"/> object per request cost the bench
/// measurably more CPU and allocation per turn, all of it the generator's rather than the bot's.
/// </summary>
internal sealed class BenchActivityWriter : IDisposable
{
    /// <summary>Where the app's proactive messages would go when no <see cref="ConnectorSink"/> takes them.</summary>
    public const string NoConnector = "http://127.0.0.1:9/bench-has-no-connector/";

    private readonly ArrayBufferWriter<byte> _buffer = new(4 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly string _userId;
    private readonly string _serviceUrl;

    public BenchActivityWriter(string userId, string serviceUrl = NoConnector)
    {
        _writer = new Utf8JsonWriter(_buffer);
        _userId = userId;
        _serviceUrl = serviceUrl;
    }

    /// <summary>
    /// The activity for one user turn of a script: <see cref="TurnKind.Join"/> is the conversationUpdate that adds the
    /// user and the bot, a card submit a message whose value is the intake card's data, anything else a message. The
    /// bytes are valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Write(string conversation, int turn, ScriptTurn line, int variant = 0)
    {
        var join = line.Kind == TurnKind.Join;
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var json = _writer;
        json.WriteStartObject();
        json.WriteString("type"u8, join ? ActivityTypes.ConversationUpdate : ActivityTypes.Message);
        WriteId(conversation, turn);
        json.WriteString("timestamp"u8, DateTimeOffset.UtcNow);
        json.WriteString("localTimestamp"u8, DateTimeOffset.Now);
        json.WriteString("serviceUrl"u8, _serviceUrl);
        json.WriteString("channelId"u8, "bench"u8);
        json.WritePropertyName("from"u8);
        WriteUser(conversation);
        json.WriteStartObject("conversation"u8);
        json.WriteString("id"u8, conversation);
        json.WriteString("conversationType"u8, "personal"u8);
        json.WriteEndObject();
        json.WritePropertyName("recipient"u8);
        WriteBot();
        if (join)
        {
            json.WriteStartArray("membersAdded"u8);
            WriteUser(conversation);
            WriteBot();
            json.WriteEndArray();
        }
        json.WriteString("locale"u8, "en-US"u8);
        if (line.Kind == TurnKind.Message)
        {
            json.WriteString("text"u8, line.TextFor(variant));
        }
        else if (line.Kind == TurnKind.CardSubmit)
        {
            // Action.Submit's data, as Web Chat and Teams post it ({"intakeAction": "Confirm and send"}).
            json.WriteStartObject("value"u8);
            json.WriteString("intakeAction"u8, line.Text);
            json.WriteEndObject();
        }
        json.WriteString("deliveryMode"u8, DeliveryModes.ExpectReplies);
        json.WriteEndObject();
        json.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>"{conversation}-{turn}" without building the string.</summary>
    private void WriteId(string conversation, int turn)
    {
        Span<char> id = stackalloc char[conversation.Length + 12];
        conversation.CopyTo(id);
        id[conversation.Length] = '-';
        turn.TryFormat(id[(conversation.Length + 1)..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        _writer.WriteString("id"u8, id[..(conversation.Length + 1 + digits)]);
    }

    private void WriteUser(string conversation)
    {
        _writer.WriteStartObject();
        _writer.WriteString("id"u8, _userId);
        _writer.WriteString("name"u8, conversation);
        _writer.WriteString("role"u8, RoleTypes.User);
        _writer.WriteEndObject();
    }

    private void WriteBot()
    {
        _writer.WriteStartObject();
        _writer.WriteString("id"u8, "bot"u8);
        _writer.WriteString("name"u8, "MVAI Assistant"u8);
        _writer.WriteString("role"u8, RoleTypes.Bot);
        _writer.WriteEndObject();
    }
}
