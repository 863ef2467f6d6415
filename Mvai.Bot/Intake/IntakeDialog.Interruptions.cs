using System.Text.Json.Nodes;
using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Contact;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Answering;

namespace Mvai.Bot.Intake;

internal sealed partial class IntakeDialog
{
    /// <summary>
    /// Runs before the active question sees the message: card buttons become their text, and whole-utterance
    /// "help", "cancel" and "talk to a person" are answered without losing the question (an answer such as
    /// "help with the media" is still an answer).
    /// </summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var context = innerDc.Context;
        var activity = context.Activity;
        if (!activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }
        // A summary card's buttons submit {"intakeAction": "<button title>"}: treat it as if typed.
        if (activity.IsCardSubmit() && activity.Value is JsonObject value
            && value[IntakeSummary.ActionKey] is JsonValue chosen && chosen.TryGetValue<string>(out var title))
        {
            activity.Text = title;
        }
        var said = IntakeUtterances.Normalize(activity.Text);

        if (await _cancelPending.GetAsync(context, cancellationToken: cancellationToken))
        {
            await _cancelPending.DeleteAsync(context, cancellationToken);
            if (IntakeUtterances.IsYes(said))
            {
                await context.SendActivityAsync(IntakeMessages.Cancelled, cancellationToken);
                var request = CurrentRequest(innerDc);
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.Complete, new IntakeOutcome(IntakeOutcomeKind.Cancelled, request));
            }
            await context.SendActivityAsync(IntakeMessages.NotCancelled, cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }
        if (IntakeUtterances.IsHelp(said))
        {
            var active = innerDc.ActiveDialog?.Id;
            var question = IntakeFields.Find(active)?.Question ?? (active == ContactForm.PromptId ? IntakeMessages.AskContactForm : IntakeMessages.AskSummaryAction);
            await context.SendActivityAsync(IntakeMessages.Help(question), cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }
        if (IntakeUtterances.IsCancel(said))
        {
            await _cancelPending.SetAsync(context, true, cancellationToken);
            var confirm = Activity.CreateMessage(IntakeMessages.CancelConfirm);
            confirm.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes, cancel"), CardAction.ImBack("No, continue")] };
            await context.SendActivityAsync(confirm, cancellationToken);
            return EndOfTurn;
        }
        if (IntakeUtterances.IsHandoff(said))
        {
            // The caller connects them with a person; the answers so far are kept so they can continue later.
            var request = CurrentRequest(innerDc);
            request.WantsAdvisorContact = true;
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete, new IntakeOutcome(IntakeOutcomeKind.HandoffRequested, request));
        }
        if (IntakeUtterances.IsQuestion(activity.Text) && await _answerer.AnswerAsync(activity.Text!, cancellationToken) is { Kind: AnswerKind.Answered } answer)
        {
            // "What's a family assistance center?" in the middle of the form: answer it, then ask the question again.
            // No related topics here: a tapped topic would be taken as the answer to the form's question.
            await _delivery.SendAsync(context, activity.Text!, answer with { RelatedTopics = [] }, cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    /// <summary>The answers so far, read from the questions' waterfall on the inner stack (changes are saved with it).</summary>
    /// <summary>
    /// The answers so far of an intake on the caller's stack, so the caller can keep them when it has to stop the
    /// intake (someone in crisis is connected with a person first).
    /// </summary>
    public static AssistanceRequest? ReadDraft(DialogInstance? intake)
    {
        if (intake?.Id != nameof(IntakeDialog) || intake.GetValue<DialogState>(InnerStateKey) is not { } inner)
        {
            return null;
        }
        var questions = inner.DialogStack.FirstOrDefault(i => i.Id == QuestionsId);
        var values = questions?.GetValue<Dictionary<string, object?>>(WaterfallDialog.ValuesKey);
        return values is null ? null : DialogValues.Get<AssistanceRequest>(values, WaterfallDialog<AssistanceRequest>.StateKey);
    }

    /// <summary>The name of the field the intake is asking (<see cref="IntakeFields"/>), or null when none is asked.</summary>
    public static string? ReadAsking(DialogInstance? intake)
    {
        if (intake?.Id != nameof(IntakeDialog) || intake.GetValue<DialogState>(InnerStateKey) is not { } inner)
        {
            return null;
        }
        var values = inner.DialogStack.FirstOrDefault(i => i.Id == QuestionsId)?.GetValue<Dictionary<string, object?>>(WaterfallDialog.ValuesKey);
        return values is not null && values.TryGetValue(AskingKey, out var asking) ? asking?.ToString() : null;
    }

    private static AssistanceRequest CurrentRequest(DialogContext innerDc)
    {
        var questions = innerDc.Stack.FirstOrDefault(i => i.Id == QuestionsId);
        var values = questions?.GetValue<Dictionary<string, object?>>(WaterfallDialog.ValuesKey);
        return (values is null ? null : DialogValues.Get<AssistanceRequest>(values, WaterfallDialog<AssistanceRequest>.StateKey))
            ?? new AssistanceRequest();
    }
}
