using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// One user's conversation with the bot over /api/messages with expectReplies, so tests read like transcripts:
/// <c>var replies = await chat.SayAsync("hello");</c>.
/// </summary>
/// <remarks>
/// Replies come back in the HTTP response (expectReplies); anything sent later (an advisor's reply, a proactive
/// message) goes to <paramref name="serviceUrl"/>, e.g. a ChannelConnectorServer.
/// </remarks>
public sealed class Conversation(
    IBotEndpoint host, string channelId = "test", string? conversationId = null, string userId = "user-1", string serviceUrl = "http://127.0.0.1:9/unused-connector")
{
    // Activity ids stay unique across Conversation objects: a conversation resumed by a new object (after a
    // restart) must not repeat ids already sent, or a deduplicating bot rightly drops them as channel retries.
    private readonly string _idPrefix = Guid.NewGuid().ToString("N")[..8];
    private int _sequence;

    /// <summary>The instance the next message goes to; switch it to spread one conversation over several instances.</summary>
    public IBotEndpoint Via { get; set; } = host;

    public string Id { get; } = conversationId ?? "conv-" + Guid.NewGuid().ToString("N");

    public Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = $"{Id}-{_idPrefix}-{Interlocked.Increment(ref _sequence)}",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = Id, ConversationType = "personal" },
        From = new ChannelAccount { Id = userId, Name = "Chief Test", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot-id", Name = "MVAI Assistant", Role = RoleTypes.Bot },
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.Now,
    };

    public Task<IList<Activity>> SayAsync(string text)
    {
        var activity = NewActivity(ActivityTypes.Message);
        activity.Text = text;
        return Via.ExpectRepliesAsync(activity);
    }

    public Task<IList<Activity>> SendAsync(Activity activity) => Via.ExpectRepliesAsync(activity);

    public Task<IList<Activity>> JoinAsync()
    {
        var activity = NewActivity(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [activity.From!, activity.Recipient!];
        return Via.ExpectRepliesAsync(activity);
    }
}
