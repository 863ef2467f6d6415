namespace Mvai.Bot.Intake.Validation;

/// <summary>Reads "Springfield, IL", "Springfield Illinois" or "Washington, D.C." into a city and a state code.</summary>
public static class CityAndState
{
    public static (string City, string State)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim().TrimEnd('.', '!');
        var key = UsStates.Key(trimmed);
        foreach (var spelling in UsStates.Spellings)
        {
            if (!key.EndsWith(" " + spelling, StringComparison.Ordinal))
            {
                continue;
            }
            // Cut the same number of words off the original text, keeping the city's own capitalisation.
            var words = trimmed.Replace(".", string.Empty, StringComparison.Ordinal)
                .Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            var stateWords = spelling.Split(' ').Length;
            var city = string.Join(' ', words[..^stateWords]).Trim();
            if (city.Length >= 2 && city.Any(char.IsLetter))
            {
                return (ToTitleIfShouting(city), UsStates.Normalize(spelling)!);
            }
        }
        return null;
    }

    private static string ToTitleIfShouting(string city) =>
        city.All(c => !char.IsLetter(c) || char.IsUpper(c)) || city.All(c => !char.IsLetter(c) || char.IsLower(c))
            ? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(city.ToLowerInvariant())
            : city;
}
