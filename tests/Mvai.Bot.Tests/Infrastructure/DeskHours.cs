namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Advisor-hours settings for tests, so nothing depends on the hour a test runs at.</summary>
public static class DeskHours
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Nobody on duty, ever: every handoff takes the after-hours path.</summary>
    public static Dictionary<string, string?> Closed { get; } = Hours(string.Empty);

    /// <summary>Someone on duty around the clock.</summary>
    public static Dictionary<string, string?> AlwaysOpen { get; } = Hours("00:00-24:00");

    private static Dictionary<string, string?> Hours(string span)
    {
        var settings = new Dictionary<string, string?> { ["Handoff:Hours:TimeZone"] = "America/New_York" };
        foreach (var day in Days)
        {
            settings[$"Handoff:Hours:Weekly:{day}"] = span;
        }
        return settings;
    }
}
