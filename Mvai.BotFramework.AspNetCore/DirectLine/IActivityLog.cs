using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// The durable record of each Direct Line conversation: which conversations exist and every activity
/// in order. The sequence number is the watermark; an activity's id is <c>{conversationId}|{seq:D7}</c>.
/// </summary>
public interface IActivityLog
{
    Task CreateConversationAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends the activity, sets its <see cref="Activity.Id"/>, and returns its sequence number.</summary>
    Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<ActivityPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes activities appended before <paramref name="cutoff"/>, then conversations created before it that have
    /// no activity left (Web Chat then starts a new one). Returns how many activities.
    /// </summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes one conversation and all its activities.</summary>
    Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken);
}

