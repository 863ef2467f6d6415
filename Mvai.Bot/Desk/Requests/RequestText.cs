using System.Globalization;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>How the desk writes a request's facts for people (alerts, the console, reports).</summary>
internal static class RequestText
{
    public static string Place(AssistanceRequest request) =>
        request.City is null && request.State is null ? "Not given" : string.Join(", ", new[] { request.City, request.State }.OfType<string>());

    public static string Count(int? count) => count switch
    {
        null => "not given",
        < 0 => "unknown",
        _ => count.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Help(AssistanceRequest request) =>
        request.HelpNeeded.Count == 0 ? "Not given" : string.Join(", ", request.HelpNeeded.Select(h => IntakeLabels.HelpKinds[h]));
}
