using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Intake.Requests;
using Polly;
using Polly.Retry;

namespace Mvai.Bot.Intake;

internal sealed partial class IntakeDialog
{
    private const string SummaryActionPromptId = "intake.summaryAction";
    private const string ChangeFieldPromptId = "intake.changeField";

    private readonly TimeProvider _clock;

    // A request is stored before "received" is said; a passing database fault gets a few quick retries first.
    private static readonly ResiliencePipeline SubmitRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    private async Task<DialogTurnResult> ShowSummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetState<AssistanceRequest>();
        if (RecordAnswer(step, request) is { } stop)
        {
            return await StopAsync(step, stop, cancellationToken);
        }
        await step.Context.SendActivityAsync(IntakeSummary.Render(request, step.Context.Activity.ChannelId), cancellationToken);
        var options = IntakeFieldKinds.Ask(IntakeMessages.AskSummaryAction, "Please choose: " + string.Join(", ", SummaryChoices));
        options.Choices = [.. SummaryChoices.Select(c => new Choice(c))];
        options.MaxAttempts = null;
        return await step.PromptAsync(SummaryActionPromptId, options, cancellationToken);
    }

    private static readonly string[] SummaryChoices = [IntakeMessages.Confirm, IntakeMessages.Change, IntakeMessages.Cancel];

    private async Task<DialogTurnResult> ActOnSummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetState<AssistanceRequest>();
        switch ((step.Result as FoundChoice)?.Value)
        {
            case IntakeMessages.Confirm:
                return await SubmitAsync(step, request, cancellationToken);
            case IntakeMessages.Change:
                var options = IntakeFieldKinds.Ask(IntakeMessages.AskWhichField, "Please pick one of the items from the list.");
                options.Choices = [.. IntakeFields.All.Where(f => f.Name != "sceneActive").Select(f => new Choice(f.Label))];
                options.Style = ListStyle.List;
                return await step.PromptAsync(ChangeFieldPromptId, options, cancellationToken);
            default:
                await step.Context.SendActivityAsync(IntakeMessages.Cancelled, cancellationToken);
                return await step.EndDialogAsync(new IntakeOutcome(IntakeOutcomeKind.Cancelled, request), cancellationToken);
        }
    }

    /// <summary>Clears the chosen field and runs the questions again: only that one is asked, then the summary.</summary>
    private static async Task<DialogTurnResult> ChangeFieldStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetState<AssistanceRequest>();
        if (step.Result is FoundChoice chosen && IntakeFields.All.FirstOrDefault(f => f.Label == chosen.Value) is { } field)
        {
            field.Clear(request);
        }
        return await step.ReplaceDialogAsync(QuestionsId, request, cancellationToken);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var draft = new StoredAssistanceRequest
        {
            Reference = string.Empty,
            Request = request,
            ChannelId = activity.ChannelId ?? string.Empty,
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            UserId = activity.From?.Id ?? string.Empty,
            ConversationReference = activity.GetConversationReference(),
            SubmittedAt = _clock.GetUtcNow(),
        };
        StoredAssistanceRequest stored;
        try
        {
            stored = await SubmitRetry.ExecuteAsync(
                async ct => await _store.SubmitAsync(request.IntakeId!, draft, ct), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Never say "received" unless it is stored: keep the answers and offer the summary again.
            await step.Context.SendActivityAsync(IntakeMessages.SubmitFailed, cancellationToken);
            return await step.ReplaceDialogAsync(QuestionsId, request, cancellationToken);
        }
        await step.Context.SendActivityAsync(IntakeMessages.Received(stored.Reference, IntakeSummary.ContactPhrase(request)), cancellationToken);
        await NotifyObserversAsync(stored, cancellationToken);
        return await step.EndDialogAsync(new IntakeOutcome(IntakeOutcomeKind.Submitted, request, stored.Reference), cancellationToken);
    }

    private async Task NotifyObserversAsync(StoredAssistanceRequest stored, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnSubmittedAsync(stored, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The request is stored and the chief was told so; whoever watches requests catches up later.
                IntakeLog.ObserverFailed(_logger, stored.Reference, exception.GetType().Name);
            }
        }
    }
}
