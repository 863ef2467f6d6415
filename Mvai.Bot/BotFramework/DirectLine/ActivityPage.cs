using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bot.BotFramework.DirectLine;

/// <summary>A slice of the log and the watermark to continue from.</summary>
internal sealed record ActivityPage(IReadOnlyList<Activity> Activities, long Watermark);
