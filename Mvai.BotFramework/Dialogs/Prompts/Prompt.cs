using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks one question and ends with the typed answer. Invalid answers re-ask with the retry prompt, unless
/// something (usually the validator) already replied this turn; with <see cref="PromptOptions.MaxAttempts"/>
/// it ends with <see cref="PromptGaveUp"/> instead of asking forever.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    internal const string OptionsKey = "options";
    internal const string StateKey = "state";
    internal const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>The culture used when the activity carries no locale; en-us when null.</summary>
    public string? DefaultLocale { get; init; }

    /// <exception cref="ArgumentException"><paramref name="options"/> is not a <see cref="PromptOptions"/>.</exception>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        // Tells speech and Teams clients the bot now waits for an answer.
        promptOptions.Prompt?.InputHint ??= InputHints.ExpectingInput;
        promptOptions.RetryPrompt?.InputHint ??= InputHints.ExpectingInput;
        var instance = dc.ActiveDialog!;
        var state = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        instance.State[OptionsKey] = promptOptions;
        instance.State[StateKey] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }
        var (options, state) = Load(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        var attempt = DialogValues.Get<int>(state, AttemptCountKey) + 1;
        state[AttemptCountKey] = attempt;

        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempt), cancellationToken);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }
        if (options.MaxAttempts is { } max && attempt >= max)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, attempt, dc.Context.Activity.Text), cancellationToken);
        }
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken);
        }
        return EndOfTurn;
    }

    /// <summary>A child pushed above the prompt ended: ask the original question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (options, state) = Load(instance);
        return OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry); choice-style prompts override this to render their options.</summary>
    protected virtual Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(ActivityCopy.Of(activity), cancellationToken);
    }

    /// <summary>Turns the user's message into a <typeparamref name="T"/>.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The recogniser culture: the activity's locale, else <see cref="DefaultLocale"/>, else en-us.</summary>
    protected string GetCulture(ITurnContext turnContext) => PromptCulture.Resolve(turnContext?.Activity.Locale, DefaultLocale);

    private static (PromptOptions Options, Dictionary<string, object?> State) Load(DialogInstance instance)
    {
        var options = instance.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var state = instance.GetValue<Dictionary<string, object?>>(StateKey) ?? new(StringComparer.Ordinal);
        instance.State[StateKey] = state;
        return (options, state);
    }
}
