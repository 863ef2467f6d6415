using System.Text.Json.Nodes;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Waits for an Adaptive Card's Action.Submit: a message whose <c>value</c> holds the card's inputs (usually
/// with no text). Typed text instead of a submit is not an answer, so the prompt (normally carrying the
/// card) is re-sent.
/// </summary>
public sealed class CardSubmitPrompt(string dialogId, PromptValidator<JsonObject>? validator = null) : Prompt<JsonObject>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<JsonObject>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(turnContext.Activity.Value is JsonObject value
            ? new PromptRecognizerResult<JsonObject>((JsonObject)value.DeepClone())
            : new PromptRecognizerResult<JsonObject>());
    }
}
