using System.Data.Common;
using System.Text;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Transcripts;

/// <summary>Reading transcript rows back, the same on every database.</summary>
internal static class TranscriptRows
{
    /// <summary>The activities of rows whose first column is the stored document; unreadable documents are skipped.</summary>
    public static async Task<IReadOnlyList<Activity>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(reader.GetString(0))) is { } activity)
            {
                activities.Add(activity);
            }
        }
        return activities;
    }
}
