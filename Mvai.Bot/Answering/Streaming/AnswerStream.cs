using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Answering.Streaming;

/// <summary>
/// One answer shown while it is prepared: a <c>typing</c> activity saying "Searching the MVAI guidance..." (informative),
/// then typing updates carrying the text so far (streaming), then the answer itself marked as the stream's end (final).
/// Teams reads the stream fields from a <c>streaminfo</c> entity and names the stream by the id it gives the first
/// activity; Web Chat 4.18.1 reads the same fields from channelData. One update at a time, at most one per
/// <see cref="MinimumInterval"/>. A channel that refuses (Teams answers 403 when streaming is not allowed or the user
/// stopped it) ends the stream, and so does Teams' two-minute limit: the answer then arrives as a plain message.
/// </summary>
internal sealed partial class AnswerStream(bool teams, TimeProvider clock, ILogger logger)
{
    public const string SearchingText = "Searching the MVAI guidance...";

    /// <summary>Teams ends a stream after two minutes; past this the answer is sent as a plain message.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(110);

    private DateTimeOffset _startedAt;
    private DateTimeOffset _lastSent;
    private int _sequence;

    /// <summary>The id of the stream, once the channel accepted the informative update.</summary>
    public string? StreamId { get; private set; }

    /// <summary>Whether the channel refused an update; nothing more is streamed then.</summary>
    public bool Refused { get; private set; }

    public bool IsOpen => StreamId is not null && !Refused && clock.GetUtcNow() - _startedAt <= MaxDuration;

    /// <summary>Teams takes about one update a second; Web Chat keeps up with two.</summary>
    public TimeSpan MinimumInterval => teams ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(500);

    /// <summary>Whether an update with more text is due now.</summary>
    public bool WantsUpdate => IsOpen && clock.GetUtcNow() - _lastSent >= MinimumInterval;

    /// <summary>Sends the informative update; the stream is open when the channel accepts it.</summary>
    public async Task StartAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _startedAt = clock.GetUtcNow();
        var sent = await TrySendAsync(turnContext, Update("informative", SearchingText), cancellationToken);
        StreamId = string.IsNullOrEmpty(sent) ? null : sent;
    }

    /// <summary>Sends the text written so far (the model's passage numbers left out: the final text has the real markers).</summary>
    public async Task UpdateAsync(ITurnContext turnContext, string textSoFar, CancellationToken cancellationToken)
    {
        if (WantsUpdate)
        {
            await TrySendAsync(turnContext, Update("streaming", PassageNumber().Replace(textSoFar, string.Empty)), cancellationToken);
        }
    }

    /// <summary>Marks the answer as the stream's final message; an answer to a stream not open is left a plain message.</summary>
    public void Finish(Activity answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsOpen)
        {
            return;
        }
        if (teams)
        {
            answer.Entities = [StreamInfo("final", sequence: null), .. answer.Entities ?? []];
            return;
        }
        var channelData = answer.ChannelData as JsonObject ?? [];
        channelData["streamId"] = StreamId;
        channelData["streamType"] = "final";
        answer.ChannelData = channelData;
    }

    private Activity Update(string streamType, string text)
    {
        var update = new Activity { Type = ActivityTypes.Typing, Text = text };
        _sequence++;
        if (teams)
        {
            update.Entities = [StreamInfo(streamType, _sequence)];
        }
        else
        {
            update.ChannelData = new JsonObject { ["streamType"] = streamType, ["streamSequence"] = _sequence };
            if (StreamId is not null)
            {
                update.ChannelData["streamId"] = StreamId;
            }
        }
        return update;
    }

    private Entity StreamInfo(string streamType, int? sequence)
    {
        var info = new JsonObject { ["type"] = "streaminfo", ["streamType"] = streamType };
        if (StreamId is not null)
        {
            info["streamId"] = StreamId;
        }
        if (sequence is { } n)
        {
            info["streamSequence"] = n;
        }
        return EntityJson.From(info);
    }

    private async Task<string?> TrySendAsync(ITurnContext turnContext, Activity update, CancellationToken cancellationToken)
    {
        try
        {
            _lastSent = clock.GetUtcNow();
            return (await turnContext.SendActivityAsync(update, cancellationToken)).Id;
        }
        catch (ConnectorException refused) when (refused.StatusCode is >= 400 and < 500)
        {
            Refused = true;
            AnswerLog.StreamingRefused(logger, refused.StatusCode);
            return null;
        }
    }

    [GeneratedRegex(@"\s?\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")]
    private static partial Regex PassageNumber();
}
