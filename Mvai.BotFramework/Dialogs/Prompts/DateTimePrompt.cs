using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time and returns every reading of the first one found. Relative answers ("yesterday",
/// "tonight") are resolved against the user's local clock (<c>localTimestamp</c>), not the server's.
/// </summary>
public sealed class DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null)
    : Prompt<IList<DateTimeResolution>>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(new PromptRecognizerResult<IList<DateTimeResolution>>());
        }
        // The wall-clock time the user sees, so "today" is their today.
        var reference = (activity.LocalTimestamp ?? activity.Timestamp)?.DateTime ?? DateTime.Now;
        var resolutions = DateTimeResolutions.Recognize(activity.Text, GetCulture(turnContext), reference).FirstOrDefault();
        return Task.FromResult(resolutions is { Count: > 0 }
            ? new PromptRecognizerResult<IList<DateTimeResolution>>(resolutions)
            : new PromptRecognizerResult<IList<DateTimeResolution>>());
    }
}
