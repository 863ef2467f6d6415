using System.Collections.Concurrent;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// The Recognizers number and ordinal models, built once per culture. The static <c>NumberRecognizer.RecognizeNumber</c>
/// builds a recognizer with its model table on every call; the models are immutable and safe to share across threads.
/// </summary>
public static class NumberModels
{
    private static readonly ConcurrentDictionary<string, IModel> Numbers = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, IModel> Ordinals = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Numbers in <paramref name="text"/> ("three", "25", "2.5"), resolved to invariant digits.</summary>
    public static List<ModelResult> RecognizeNumber(string text, string culture) =>
        Numbers.GetOrAdd(culture, c => new NumberRecognizer(c).GetNumberModel(c, fallbackToDefaultCulture: true)).Parse(text);

    /// <summary>Ordinals in <paramref name="text"/> ("the second one", "second to last").</summary>
    public static List<ModelResult> RecognizeOrdinal(string text, string culture) =>
        Ordinals.GetOrAdd(culture, c => new NumberRecognizer(c).GetOrdinalModel(c, fallbackToDefaultCulture: true)).Parse(text);
}
