namespace Mvai.Bot.Handoff.Hours;

/// <summary>Explicit shifts (start inclusive, end exclusive, never overlapping) with a default contact for the gaps.</summary>
internal sealed class OnCallRoster(IReadOnlyList<OnCallShift> shifts, OnCallAdvisor? fallback)
{
    public OnCallAdvisor? OnCallAt(DateTimeOffset at) =>
        shifts.FirstOrDefault(shift => shift.Starts <= at && at < shift.Ends)?.Advisor ?? fallback;
}

internal sealed record OnCallShift(DateTimeOffset Starts, DateTimeOffset Ends, OnCallAdvisor Advisor);
