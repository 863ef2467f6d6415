namespace Mvai.Bot.Handoff.Hours;

/// <summary>The advisor to alert at a given moment.</summary>
public sealed record OnCallAdvisor(string Name, string Email, string? Phone);
