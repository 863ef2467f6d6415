using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>; the answer may be the name, part of it, an ordinal or a number.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>The rendering used when the options do not set <see cref="PromptOptions.Style"/>.</summary>
    public ListStyle Style { get; init; } = ListStyle.Auto;

    protected override Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        ChoicePromptRendering.SendAsync(turnContext, options, options.Choices ?? [], options.Style ?? Style, isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? [], GetCulture(turnContext));
        return Task.FromResult(found is null ? new PromptRecognizerResult<FoundChoice>() : new PromptRecognizerResult<FoundChoice>(found));
    }
}
