using System.Buffers;
using System.Text.Json;
using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bench.LoadClient;

/// <summary>
/// Writes one simulated user's activities as complete Bot Framework JSON (the fields a channel sends, deliveryMode
/// expectReplies) into a reused buffer, so a turn's request costs the serializer's work but no new arrays.
/// </summary>
internal sealed class BenchActivityWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _bot = new() { Id = "bot", Name = "MVAI Assistant", Role = RoleTypes.Bot };
    private ConversationAccount _conversation = new() { Id = string.Empty };

    public BenchActivityWriter(string userId)
    {
        _writer = new Utf8JsonWriter(_buffer);
        _user = new ChannelAccount { Id = userId, Name = "Bench Chief", Role = RoleTypes.User };
    }

    /// <summary>
    /// The activity for one line of a script: <see cref="ConversationScript.Join"/> is the conversationUpdate that adds
    /// the user and the bot, anything else a message. The bytes are valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Write(string conversation, int turn, string line)
    {
        if (_conversation.Id != conversation)
        {
            _conversation = new ConversationAccount { Id = conversation, ConversationType = "personal" };
        }
        var join = line == ConversationScript.Join;
        var activity = new Activity
        {
            Type = join ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
            Id = $"{conversation}-{turn}",
            ChannelId = "bench",
            ServiceUrl = "http://127.0.0.1:9/bench-has-no-connector/",
            Conversation = _conversation,
            From = _user,
            Recipient = _bot,
            Locale = "en-US",
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
            DeliveryMode = DeliveryModes.ExpectReplies,
            MembersAdded = join ? [_user, _bot] : null,
            Text = join ? null : line,
        };
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, activity, ProtocolJson.Default.Activity);
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
