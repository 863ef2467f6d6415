using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.State;
using Mvai.Bot.Answering;
using Mvai.Bot.Intake.Contact;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Answering;

namespace Mvai.Bot.Intake;

/// <summary>
/// The request-for-assistance intake: every question of <see cref="IntakeFields"/> (skipping those already
/// answered), a summary to confirm, change or cancel, then durable storage before "received" is said.
/// Help, cancel and "talk to a person" are handled in <c>IntakeDialog.Interruptions.cs</c>.
/// Begin it with an <see cref="AssistanceRequest"/> holding whatever is already known.
/// </summary>
internal sealed partial class IntakeDialog : ComponentDialog
{
    private const string QuestionsId = "intake.questions";
    private const string AskingKey = "asking";

    private readonly IAssistanceRequestStore _store;
    // The retrieval answerer, never the language model: a question asked inside the form is answered within the
    // turn (before the form's question is asked again), and Teams retries a turn that waits seconds on a model.
    private readonly GuidanceAnswerer _answerer;
    private readonly AnswerDelivery _delivery;
    private readonly IStatePropertyAccessor<bool> _cancelPending;
    private readonly IEnumerable<IRequestSubmittedObserver> _observers;
    private readonly ILogger<IntakeDialog> _logger;

    public IntakeDialog(
        IAssistanceRequestStore store,
        ConversationState conversationState,
        GuidanceAnswerer answerer,
        AnswerDelivery delivery,
        TimeProvider clock,
        IEnumerable<IRequestSubmittedObserver> observers,
        ILogger<IntakeDialog> logger)
        : base(nameof(IntakeDialog))
    {
        _store = store;
        _observers = observers;
        _logger = logger;
        _answerer = answerer;
        _delivery = delivery;
        _clock = clock;
        _cancelPending = conversationState.CreateProperty<bool>("intakeCancelPending");
        AddDialog(new WaterfallDialog<AssistanceRequest>(QuestionsId,
        [
            .. IntakeFields.All.Select(field => (WaterfallStep)((step, ct) => AskStepAsync(field, step, ct))),
            ShowSummaryStepAsync,
            ActOnSummaryStepAsync,
            ChangeFieldStepAsync,
        ]));
        foreach (var field in IntakeFields.All)
        {
            AddDialog(field.CreatePrompt(field.PromptId));
        }
        AddDialog(ContactForm.CreatePrompt());
        AddDialog(new ChoicePrompt(SummaryActionPromptId));
        AddDialog(new ChoicePrompt(ChangeFieldPromptId));
        InitialDialogId = QuestionsId;
    }

    /// <summary>
    /// Stores the previous question's answer, then asks this field unless it is already answered; on card channels the
    /// phone question is the contact card, which can answer email and preferred contact too.
    /// </summary>
    private static async Task<DialogTurnResult> AskStepAsync(IntakeField field, WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetState<AssistanceRequest>();
        request.IntakeId ??= Guid.NewGuid().ToString("N");
        if (RecordAnswer(step, request) is { } stop)
        {
            return await StopAsync(step, stop, cancellationToken);
        }
        if (field.IsAnswered(request))
        {
            return await step.NextAsync(null, cancellationToken);
        }
        if (ContactForm.Applies(field, request, step.Context.Activity.ChannelId))
        {
            step.Values[AskingKey] = ContactForm.Name;
            return await step.PromptAsync(ContactForm.PromptId, ContactForm.Options(request), cancellationToken);
        }
        step.Values[AskingKey] = field.Name;
        return await step.PromptAsync(field.PromptId, field.Options(step.Context), cancellationToken);
    }

    /// <summary>Applies the answer the last prompt produced; returns a reason to stop the intake, if any.</summary>
    private static IntakeOutcomeKind? RecordAnswer(WaterfallStepContext step, AssistanceRequest request)
    {
        var asked = step.GetValue<string>(AskingKey);
        step.Values.Remove(AskingKey);
        if (asked is null || step.Reason == DialogReason.NextCalled)
        {
            return null;
        }
        if (step.Result is PromptGaveUp)
        {
            return IntakeOutcomeKind.GaveUp;
        }
        if (asked == ContactForm.Name)
        {
            ContactForm.Apply(request, step.Result);
        }
        else
        {
            IntakeFields.All.First(f => f.Name == asked).Apply(request, step.Result);
        }
        return asked switch
        {
            "sceneActive" when request.SceneStillActive == true => IntakeOutcomeKind.ActiveScene,
            "consent" when request.ConsentToShare == false => IntakeOutcomeKind.NoConsent,
            _ => null,
        };
    }

    private static async Task<DialogTurnResult> StopAsync(WaterfallStepContext step, IntakeOutcomeKind kind, CancellationToken cancellationToken)
    {
        var request = step.GetState<AssistanceRequest>();
        var message = kind switch
        {
            IntakeOutcomeKind.ActiveScene => IntakeMessages.SceneActiveStop,
            IntakeOutcomeKind.NoConsent => IntakeMessages.NoConsent,
            _ => IntakeMessages.GaveUp,
        };
        if (kind == IntakeOutcomeKind.ActiveScene)
        {
            // Asked again when they come back to continue: the answer will have changed.
            request.SceneStillActive = null;
        }
        await step.Context.SendActivityAsync(message, cancellationToken);
        return await step.EndDialogAsync(new IntakeOutcome(kind, request), cancellationToken);
    }
}
