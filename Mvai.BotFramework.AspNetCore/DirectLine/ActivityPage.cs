using System.Data.Common;
using System.Text.Json;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>A slice of the log and the watermark to continue from.</summary>
public sealed record ActivityPage(IReadOnlyList<Activity> Activities, long Watermark)
{
    /// <summary>Reads rows of <c>(seq, body)</c> in order, on any database; each activity gets its log id.</summary>
    public static async Task<ActivityPage> ReadAsync(DbDataReader reader, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        var last = watermark;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            var activity = JsonSerializer.Deserialize(reader.GetString(1), ProtocolJson.Default.Activity)!;
            activity.Id = ActivityIds.For(conversationId, last);
            activities.Add(activity);
        }
        return new ActivityPage(activities, last);
    }
}
