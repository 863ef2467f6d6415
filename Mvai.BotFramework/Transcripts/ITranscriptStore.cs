using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Transcripts;

/// <summary>
/// The messages of each conversation, in order, for handing a conversation to a person with its history
/// (ITranscriptStore in the SDK). Transcripts hold what users wrote: keep them only as long as needed.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Stores the activity as it is at the call (serialized before the call returns). Calls for one conversation are
    /// stored in the order they were made even when the caller does not await each before the next; the task completes
    /// once the activity is stored.
    /// </summary>
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="max"/> activities of the conversation, oldest first.</summary>
    Task<IReadOnlyList<Activity>> GetRecentAsync(string channelId, string conversationId, int max, CancellationToken cancellationToken);

    /// <summary>Deletes every activity logged before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the whole transcript of one conversation; returns how many activities.</summary>
    Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
