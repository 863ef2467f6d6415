using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>Asks for free text; succeeds on any message with non-blank text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string>(text));
    }
}
