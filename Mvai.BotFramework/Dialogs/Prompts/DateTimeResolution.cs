namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>One reading of a date/time answer; ambiguous answers ("Friday") give several.</summary>
/// <param name="Timex">The TIMEX expression, e.g. <c>2026-11-20</c> or <c>XXXX-WXX-5</c>.</param>
/// <param name="Value">The resolved value (<c>2026-11-20</c>, <c>2026-11-24 19:00:00</c>), null for ranges.</param>
/// <param name="Start">The start of a range resolution.</param>
/// <param name="End">The end of a range resolution.</param>
public sealed record DateTimeResolution(string Timex, string? Value, string? Start = null, string? End = null);
