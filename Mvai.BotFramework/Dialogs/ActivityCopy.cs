using System.Text.Json;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// Deep copies of activities. Prompts keep their activities in persisted options, and sending fills in
/// addressing on the activity it is given, so each send works on a copy.
/// </summary>
internal static class ActivityCopy
{
    public static Activity Of(Activity activity) =>
        JsonSerializer.SerializeToElement(activity, DialogValues.SerializerOptions).Deserialize<Activity>(DialogValues.SerializerOptions)!;
}
