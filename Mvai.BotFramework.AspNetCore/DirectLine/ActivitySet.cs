using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>What polling and stream frames carry. The watermark is a string on the wire.</summary>
internal sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
