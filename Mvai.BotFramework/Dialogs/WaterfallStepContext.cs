using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Dialogs;

/// <summary>What one waterfall step sees: the options, the shared values, the previous outcome, and the stack.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog waterfall, DialogContext dc, object? options, Dictionary<string, object?> values, int index, DialogReason reason, object? result)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The stack the waterfall runs on; begin children, prompt, end or replace through it.</summary>
    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    /// <summary>The options the waterfall was begun with (raw; read typed with <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    /// <summary>State shared by every step of this instance and persisted between turns.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The zero-based index of the running step.</summary>
    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a child's or prompt's result, the user's text, or what was passed to Next.</summary>
    public object? Result { get; }

    public T? GetOptions<T>() => DialogValues.Convert<T>(Options);

    /// <summary>The previous outcome as <typeparamref name="T"/> (converted through JSON when needed).</summary>
    public T? GetResult<T>() => DialogValues.Convert<T>(Result);

    public T? GetValue<T>(string key) => DialogValues.Get<T>(Values, key);

    public void SetValue<T>(string key, T value) => Values[key] = value;

    /// <summary>The typed state record of a <see cref="WaterfallDialog{TState}"/> (created empty if missing).</summary>
    public TState GetState<TState>()
        where TState : class, new()
    {
        var state = GetValue<TState>(WaterfallDialog<TState>.StateKey) ?? new TState();
        Values[WaterfallDialog<TState>.StateKey] = state;
        return state;
    }

    /// <summary>Replaces the typed state record (for immutable records updated with <c>with</c>).</summary>
    public void SetState<TState>(TState state)
        where TState : class, new() => Values[WaterfallDialog<TState>.StateKey] = state;

    /// <summary>Skips to the next step within this turn with <paramref name="result"/>; allowed once per step.</summary>
    /// <exception cref="InvalidOperationException">Called twice in one step.</exception>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }
        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, Prompts.PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
