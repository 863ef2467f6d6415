using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question, offering Yes and No as choices. Understands the <see cref="ConfirmLexicon"/>
/// words and "1"/"2" for the rendered options.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    public const string YesChoice = "Yes";
    public const string NoChoice = "No";

    private static readonly Choice[] YesNo = [new(YesChoice), new(NoChoice)];

    /// <summary>The rendering used when the options do not set <see cref="PromptOptions.Style"/>.</summary>
    public ListStyle Style { get; init; } = ListStyle.Auto;

    protected override Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        ChoicePromptRendering.SendAsync(turnContext, options, YesNo, options.Style ?? Style, isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var answer = ConfirmLexicon.Recognize(text);
        if (answer is null && ChoiceRecognizer.Recognize(text, YesNo, GetCulture(turnContext)) is { } picked)
        {
            answer = picked.Index == 0;
        }
        return Task.FromResult(answer is { } yes ? new PromptRecognizerResult<bool>(yes) : new PromptRecognizerResult<bool>());
    }
}
