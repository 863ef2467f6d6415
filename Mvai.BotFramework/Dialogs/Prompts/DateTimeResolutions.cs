using System.Collections.Concurrent;
using DateTimeOptions = Microsoft.Recognizers.Text.DateTime.DateTimeOptions;
using DateTimeRecognizer = Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer;
using DateTimeModel = Microsoft.Recognizers.Text.DateTime.DateTimeModel;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>Helpers for date prompt answers.</summary>
public static class DateTimeResolutions
{
    // The static DateTimeRecognizer.RecognizeDateTime builds a recognizer and looks its model up on every call; the model
    // is immutable and shared across threads by the library itself, so it is fetched once per culture.
    private static readonly ConcurrentDictionary<string, DateTimeModel> Models = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the timex names one calendar day (2026-11-20), not a pattern like "every Friday" (XXXX-WXX-5).</summary>
    public static bool IsDefiniteDate(string? timex)
    {
        if (string.IsNullOrWhiteSpace(timex))
        {
            return false;
        }
        try
        {
            return new TimexProperty(timex).Types.Contains(Constants.TimexTypes.Definite);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A validator for <see cref="DateTimePrompt"/> that accepts only answers naming one definite date,
    /// keeping just that resolution (CoreBot's DateResolverDialog rule).
    /// </summary>
    public static Task<bool> DefiniteDateValidatorAsync(PromptValidatorContext<IList<DateTimeResolution>> promptContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promptContext);
        var recognized = promptContext.Recognized;
        var definite = recognized.Succeeded ? recognized.Value?.FirstOrDefault(r => IsDefiniteDate(r.Timex)) : null;
        if (definite is null)
        {
            return Task.FromResult(false);
        }
        recognized.Value = [definite];
        return Task.FromResult(true);
    }

    /// <summary>
    /// Every date/time mention in <paramref name="text"/>, each with all its readings, resolved against
    /// <paramref name="reference"/> (the user's wall clock, so "yesterday" is their yesterday).
    /// </summary>
    public static IEnumerable<IList<DateTimeResolution>> Recognize(string text, string culture, DateTime reference)
    {
        if (CommonDates.TryRecognize(text, culture, reference) is { } common)
        {
            return [common];
        }
        return RecognizeWithModel(text, culture, reference);
    }

    internal static IEnumerable<IList<DateTimeResolution>> RecognizeWithModel(string text, string culture, DateTime reference)
    {
        var model = Models.GetOrAdd(culture, c => (DateTimeModel)new DateTimeRecognizer(c, DateTimeOptions.None).GetDateTimeModel(c, fallbackToDefaultCulture: true));
        foreach (var result in model.Parse(text, reference))
        {
            var values = result.Resolution?.GetValueOrDefault("values") as IEnumerable<Dictionary<string, string>>;
            var readings = values?
                .Where(v => v.ContainsKey("timex"))
                .Select(v => new DateTimeResolution(v["timex"], v.GetValueOrDefault("value"), v.GetValueOrDefault("start"), v.GetValueOrDefault("end")))
                .ToList();
            if (readings is { Count: > 0 })
            {
                yield return readings;
            }
        }
    }
}
