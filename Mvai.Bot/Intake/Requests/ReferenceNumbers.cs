using System.Globalization;
using System.Text.RegularExpressions;

namespace Mvai.Bot.Intake.Requests;

/// <summary>Request references: <c>MVAI-{year}-{sequence}</c>, the sequence restarting each year, at least four digits.</summary>
public static partial class ReferenceNumbers
{
    public static string Format(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"MVAI-{year}-{sequence:D4}");

    /// <summary>Finds a reference in free text ("status of mvai 2026 42?") and returns it in canonical form.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var match = Pattern().Match(text);
        return match.Success
            ? Format(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"\bMVAI[\s\-–#]*(?<year>20\d\d)[\s\-–#]*(?<seq>\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
