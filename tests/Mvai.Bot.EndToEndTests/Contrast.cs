using System.Globalization;
using System.Text.RegularExpressions;

namespace Mvai.Bot.EndToEndTests;

/// <summary>WCAG 2 contrast ratio of two computed CSS colours (<c>rgb(r, g, b)</c> or <c>rgba(...)</c>).</summary>
internal static partial class Contrast
{
    public static double Ratio(string foreground, string background)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string cssColour)
    {
        var match = RgbPattern().Match(cssColour);
        Assert.True(match.Success, $"not an rgb() colour: {cssColour}");
        double Channel(int group)
        {
            var value = double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) / 255;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(2)) + (0.0722 * Channel(3));
    }

    [GeneratedRegex(@"rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)")]
    private static partial Regex RgbPattern();
}
