using System.Globalization;
using System.Numerics;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a number, written as digits or words ("twenty five"). A value that does not fit
/// <typeparamref name="T"/> (2.5 for an int) is not recognised, so the prompt asks again.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<T>());
        }
        // The recogniser resolves to invariant digits ("25", "2.5") whatever the input culture.
        var value = NumberModels.RecognizeNumber(text, GetCulture(turnContext))
            .Select(r => r.Resolution?.GetValueOrDefault("value") as string)
            .FirstOrDefault(v => v is not null);
        return Task.FromResult(value is not null && T.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new PromptRecognizerResult<T>(number)
            : new PromptRecognizerResult<T>());
    }
}
