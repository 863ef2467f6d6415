namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// A waterfall whose steps accumulate answers in one typed record instead of string-keyed values. The record
/// starts as the begin options when they are a <typeparamref name="TState"/> (answers already known, e.g. from
/// the first utterance), else empty; steps read it with <see cref="WaterfallStepContext.GetState{TState}"/>.
/// It round-trips through the stored JSON like any other value.
/// </summary>
public class WaterfallDialog<TState> : WaterfallDialog
    where TState : class, new()
{
    /// <summary>The key of the record in the step values.</summary>
    public const string StateKey = "state";

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null)
        : base(id, steps)
    {
    }

    protected override Dictionary<string, object?> CreateValues(object? options)
    {
        var values = base.CreateValues(options);
        values[StateKey] = options as TState ?? new TState();
        return values;
    }
}
