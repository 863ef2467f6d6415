using Microsoft.Recognizers.Text;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>Picks the recogniser culture for a turn.</summary>
public static class PromptCulture
{
    /// <summary>
    /// The activity's locale, else the prompt's default, else en-us, mapped to the nearest culture the
    /// recognisers support ("en-GB" becomes "en-us" rather than recognising nothing).
    /// </summary>
    /// <remarks>The recognisers map "en-GB" to the wildcard "en-*"; it is narrowed to a concrete culture of that language.</remarks>
    public static string Resolve(string? activityLocale, string? defaultLocale)
    {
        var locale = !string.IsNullOrWhiteSpace(activityLocale) ? activityLocale
            : !string.IsNullOrWhiteSpace(defaultLocale) ? defaultLocale
            : Culture.English;
        var mapped = Culture.MapToNearestLanguage(locale);
        var supported = Culture.GetSupportedCultureCodes();
        if (mapped.EndsWith('*'))
        {
            var language = mapped[..^1];
            mapped = supported.FirstOrDefault(c => c.StartsWith(language, StringComparison.OrdinalIgnoreCase) && !c.EndsWith('*')) ?? Culture.English;
        }
        return supported.Contains(mapped) ? mapped : Culture.English;
    }
}
