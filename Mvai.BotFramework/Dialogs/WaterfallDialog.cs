using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// A fixed sequence of steps; each step's outcome (a prompt's answer, a child's result, or the user's raw text)
/// is the next step's <see cref="WaterfallStepContext.Result"/>, and the last step's result is the dialog's.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string OptionsKey = "options";
    /// <summary>The key of the step values (<see cref="WaterfallStepContext.Values"/>) in the instance state.</summary>
    public const string ValuesKey = "values";
    internal const string InstanceIdKey = "instanceId";
    internal const string StepIndexKey = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null)
        : base(id)
    {
        _steps = steps?.ToList() ?? [];
    }

    /// <summary>Appends a step; only while building the dialog, never per conversation.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <summary>Id and step count: adding or removing a step invalidates stored instances, whose index would be off.</summary>
    public override string GetVersion() => $"{Id}:{_steps.Count}";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = CreateValues(options);
        state[InstanceIdKey] = Guid.NewGuid().ToString("N");
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Only messages move a waterfall on; typing, events and the like leave it waiting.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.IsType(ActivityTypes.Message)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.GetValue<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to log or wrap steps.</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    /// <summary>The initial step values bag; <see cref="WaterfallDialog{TState}"/> seeds its typed state here.</summary>
    protected virtual Dictionary<string, object?> CreateValues(object? options) => new(StringComparer.Ordinal);

    private Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }
        var instance = dc.ActiveDialog!;
        instance.SetValue(StepIndexKey, index);
        var values = instance.GetValue<Dictionary<string, object?>>(ValuesKey) ?? new(StringComparer.Ordinal);
        instance.State[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, instance.State.GetValueOrDefault(OptionsKey), values, index, reason, result);
        return OnStepAsync(stepContext, cancellationToken);
    }
}
