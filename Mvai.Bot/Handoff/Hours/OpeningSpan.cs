namespace Mvai.Bot.Handoff.Hours;

/// <summary>One opening on a weekday, in local wall-clock time; may run past midnight (<see cref="Length"/> up to 24 hours).</summary>
internal sealed record OpeningSpan(DayOfWeek Day, TimeSpan Start, TimeSpan Length);
