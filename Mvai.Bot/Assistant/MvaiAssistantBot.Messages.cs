using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Understanding;

namespace Mvai.Bot.Assistant;

internal sealed partial class MvaiAssistantBot
{
    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        activity.Text = activity.RemoveRecipientMention();
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        var now = clock.GetUtcNow();
        var lastSeen = await _lastSeen.GetAsync(turnContext, cancellationToken: cancellationToken);
        await _lastSeen.SetAsync(turnContext, now, cancellationToken);

        // Safety before anything else, even mid-intake: a live threat or a person in crisis is answered at once,
        // then connected with a person.
        var text = activity.Text ?? string.Empty;
        var normalized = MessageText.Normalize(text);
        var inPrompt = dc.ActiveDialog is not null || await _handoffCase.GetAsync(turnContext, cancellationToken: cancellationToken) is not null;
        var reading = NeedsReading(text, normalized, inPrompt) ? await understanding.ReadAsync(text, cancellationToken) : null;
        // Where the story of the event is the expected answer (or the message goes to an advisor), danger needs more.
        var storyExpected = inPrompt && IntakeDialog.ReadAsking(dc.ActiveDialog) is null or "details" or "incidentType";
        if (UrgentKind(text, normalized, reading, inPrompt, storyExpected) is { } urgent)
        {
            await turnContext.SendActivityAsync(urgent == SafetyKind.ActiveThreat ? SafetyReplies.ActiveThreat : SafetyReplies.Distress, cancellationToken);
            if (urgent == SafetyKind.ActiveThreat && AlsoACrisis(normalized, reading))
            {
                // "he's in his room with his rifle right now saying he'll end it": 911 first, and the crisis lines with it.
                await turnContext.SendActivityAsync(AssistantMessages.CrisisLinesAfterDanger, cancellationToken);
            }
            await OnUrgentAsync(turnContext, dc, urgent, cancellationToken);
            return;
        }

        if (await RelayToAdvisorAsync(turnContext, dc, cancellationToken))
        {
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            if (lastSeen is { } seen && now - seen > ResumeAfter)
            {
                await turnContext.SendActivityAsync(IntakeMessages.WelcomeBack, cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return;
            }
            if (AsksForAPersonInTheForm(text, normalized, reading, dc) && IntakeDialog.ReadDraft(dc.ActiveDialog) is { } draft)
            {
                // "can somebody from iacp just call me instead of this form": the intake's phrase list knows the short
                // ways of asking; a sentence the model is sure of ends the form the same way, kept for "continue my request".
                await dc.CancelAllDialogsAsync(cancellationToken);
                await OnIntakeEndedAsync(turnContext, dc, new IntakeOutcome(IntakeOutcomeKind.HandoffRequested, draft), cancellationToken);
                return;
            }
            await OnDialogTurnAsync(turnContext, dc, await dc.ContinueDialogAsync(cancellationToken), cancellationToken);
            return;
        }
        await RouteAsync(turnContext, dc, reading, cancellationToken);
    }

    /// <summary>
    /// Whether the model must read the message. Not for a related topic the assistant offered, which comes back as its
    /// title ("Crisis lines for responders") and is a question for the guidance whatever its words look like; and not for
    /// a short answer inside a prompt (a name, a phone number, "yes"), where only a warning-sign word could make a reading
    /// count (<see cref="UrgentKind"/>), so every other intake answer costs no model run.
    /// </summary>
    private bool NeedsReading(string text, string normalized, bool inPrompt) =>
        normalized.Length > 0 && !IsOfferedTopic(text)
        && (!inPrompt || MessageText.IsSentence(normalized) || WarningSigns.IsDangerNow(normalized) || WarningSigns.IsCrisis(normalized));

    /// <summary>
    /// Whether the message needs the 911 or the 988 reply first. Outside a prompt the understanding step decides. Inside
    /// a prompt (an intake answer, a message relayed to an advisor) a short answer like a name, a town or "leave the
    /// queue" must not read as a crisis, so there a reading counts only for a sentence (four words or more); and where
    /// the story of the event is the expected answer ("anything else the advisor should know?", a message to the
    /// advisor), danger also needs its time words, or a sure reading of a message that speaks of now ("the gunman is back"),
    /// since the story is told in the past ("a gunman opened fire at the festival"). The warning-sign patterns count everywhere.
    /// </summary>
    private SafetyKind? UrgentKind(string text, string normalized, MessageReading? reading, bool inPrompt, bool storyExpected)
    {
        var sentence = MessageText.IsSentence(normalized);
        var danger = reading?.Scores.GetValueOrDefault(MessageRoute.Danger) ?? 0f;
        if (reading?.Route == MessageRoute.Danger && (!inPrompt || WarningSigns.IsDangerNow(normalized) || (sentence && (storyExpected ? danger >= 0.85f && WarningSigns.SpeaksOfNow(normalized) : danger >= 0.5f))))
        {
            return SafetyKind.ActiveThreat;
        }
        if (reading?.Route == MessageRoute.Crisis && (!inPrompt || sentence || WarningSigns.IsCrisis(normalized)))
        {
            return SafetyKind.Distress;
        }
        // The old screen's phrasings stay as a floor where the model did not read (a short answer in a prompt). Where it
        // did, its reading stands: the screen's bare "suicide" turned questions about suicide prevention into crises.
        var floor = reading is not null || IsOfferedTopic(text) ? SafetyKind.None : safety.Screen(text).Kind;
        return floor is SafetyKind.ActiveThreat or SafetyKind.Distress ? floor : null;
    }

    private static bool AsksForAPersonInTheForm(string text, string normalized, MessageReading? reading, DialogContext dc) =>
        dc.ActiveDialog?.Id == nameof(IntakeDialog)
        && reading?.Route == MessageRoute.Person
        && reading.Scores.GetValueOrDefault(MessageRoute.Person) >= 0.8f
        && MessageText.IsSentence(normalized)
        && !IntakeUtterances.IsHandoff(IntakeUtterances.Normalize(text));

    private static bool AlsoACrisis(string normalized, MessageReading? reading) =>
        WarningSigns.IsCrisis(normalized) || WarningSigns.HintsCrisis(normalized)
        || reading?.Scores.GetValueOrDefault(MessageRoute.Crisis) >= 0.15f;

    private async Task RouteAsync(ITurnContext turnContext, DialogContext dc, MessageReading? reading, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(AssistantMessages.EmptyMessage, cancellationToken);
            return;
        }
        if (await AnswerAdvisorOfferAsync(turnContext, dc, text, cancellationToken))
        {
            return;
        }
        if (ReferenceNumbers.Find(text) is { } reference)
        {
            // The agency asks about its request, withdraws it or adds to it: the request desk answers from the real status.
            await requesterReplies.ReplyAsync(turnContext, reference, text, cancellationToken);
            return;
        }
        if (text == AssistantMessages.TalkToAdvisor)
        {
            await StartHandoffAsync(turnContext, dc, HandoffReason.UserAsked, null, cancellationToken);
            return;
        }
        if (AssistantIntents.IsContinue(text) && await _draft.GetAsync(turnContext, cancellationToken: cancellationToken) is { } draft)
        {
            await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(IntakeDialog), draft, cancellationToken), cancellationToken);
            return;
        }
        if (text == AssistantMessages.RequestAssistance)
        {
            await StartIntakeAsync(turnContext, dc, text, cancellationToken);
            return;
        }
        if (text == AssistantMessages.AskQuestion)
        {
            await turnContext.SendActivityAsync(AssistantMessages.AskYourQuestion, cancellationToken);
            return;
        }
        var offeredTopic = IsOfferedTopic(text);
        switch (offeredTopic ? MessageRoute.Guidance : AssistantIntents.Overrule(text, reading?.Route))
        {
            case MessageRoute.Person:
                await StartHandoffAsync(turnContext, dc, HandoffReason.UserAsked, null, cancellationToken);
                return;
            case MessageRoute.Request:
                await StartIntakeAsync(turnContext, dc, text, cancellationToken);
                return;
            case MessageRoute.Status:
                await turnContext.SendActivityAsync(AssistantMessages.StatusNeedsReference, cancellationToken);
                return;
            case MessageRoute.Acute:
                await OnAcuteIncidentAsync(turnContext, text, cancellationToken);
                return;
            case MessageRoute.SmallTalk:
                await turnContext.SendActivityAsync(AssistantMessages.Fallback, cancellationToken);
                return;
            case MessageRoute.OutOfScope:
                // A refusal counts like an answer the guidance could not give: two in a row bring the offer of a person.
                await turnContext.SendActivityAsync(RefusalText(reading!.Refusal), cancellationToken);
                await answerDelivery.RecordRefusalAsync(turnContext.Activity, text, cancellationToken);
                await CountLowConfidenceAsync(turnContext, true, cancellationToken);
                return;
        }
        if (reading?.WellnessConcern == true && !offeredTopic)
        {
            await turnContext.SendActivityAsync(AssistantMessages.WellnessLine, cancellationToken);
        }
        await guidanceReplies.SendAnswerAsync(turnContext, text,
            (context, answer, ct) => CountLowConfidenceAsync(context, answer.Kind == AnswerKind.LowConfidence, ct), cancellationToken);
    }

    private bool IsOfferedTopic(string text) =>
        corpus.Documents.Any(d => string.Equals(d.ShortTitle, text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string RefusalText(SafetyKind refusal) => refusal switch
    {
        SafetyKind.Tactical => SafetyReplies.Tactical,
        SafetyKind.Legal => SafetyReplies.Legal,
        SafetyKind.Medical => SafetyReplies.Medical,
        _ => SafetyReplies.OffTopic,
    };

    /// <summary>
    /// Starts the request, prefilled with what this message says and, where it is silent, with what an earlier
    /// acute-incident message said ("we had a shooting at the high school today, 4 dead" then "Request MVAI assistance").
    /// </summary>
    private async Task StartIntakeAsync(ITurnContext turnContext, DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var localNow = (turnContext.Activity.LocalTimestamp ?? clock.GetUtcNow()).DateTime;
        var known = text == AssistantMessages.RequestAssistance ? new AssistanceRequest() : await prefiller.ExtractAsync(text, localNow, cancellationToken);
        if (await _acuteContext.GetAsync(turnContext, cancellationToken: cancellationToken) is { } context)
        {
            known.IncidentType ??= context.IncidentType;
            known.IncidentDate ??= context.IncidentDate;
            known.City ??= context.City;
            known.State ??= context.State;
            known.AgencyName ??= context.AgencyName;
            known.AgencyType ??= context.AgencyType;
            known.Killed ??= context.Killed;
            known.Injured ??= context.Injured;
            await _acuteContext.DeleteAsync(turnContext, cancellationToken);
        }
        await turnContext.SendActivityAsync(IntakeMessages.Start, cancellationToken);
        await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(IntakeDialog), known, cancellationToken), cancellationToken);
    }

    private async Task OnAcuteIncidentAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var localNow = (turnContext.Activity.LocalTimestamp ?? clock.GetUtcNow()).DateTime;
        await _acuteContext.SetAsync(turnContext, await prefiller.ExtractAsync(text, localNow, cancellationToken), cancellationToken);
        await turnContext.SendActivityAsync(AcuteIncidentReply.Create(), cancellationToken);
    }

    private async Task OnDialogTurnAsync(ITurnContext turnContext, DialogContext dc, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status != DialogTurnStatus.Complete)
        {
            return;
        }
        switch (result.Result)
        {
            case IntakeOutcome outcome:
                await OnIntakeEndedAsync(turnContext, dc, outcome, cancellationToken);
                break;
            case TriageAnswers answers:
                await handoff.CompleteTriageAsync(turnContext, answers, cancellationToken);
                break;
        }
    }

    private async Task OnIntakeEndedAsync(ITurnContext turnContext, DialogContext dc, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Kind is IntakeOutcomeKind.ActiveScene or IntakeOutcomeKind.HandoffRequested or IntakeOutcomeKind.GaveUp)
        {
            await _draft.SetAsync(turnContext, outcome.Request, cancellationToken);
        }
        else
        {
            await _draft.DeleteAsync(turnContext, cancellationToken);
        }
        switch (outcome.Kind)
        {
            case IntakeOutcomeKind.HandoffRequested:
                await StartHandoffAsync(turnContext, dc, HandoffReason.UserAsked, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.GaveUp:
                await StartHandoffAsync(turnContext, dc, HandoffReason.PromptGaveUp, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.ActiveScene:
                await StartHandoffAsync(turnContext, dc, HandoffReason.ActiveThreat, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.Submitted:
                await AfterSubmittedAsync(turnContext, dc, outcome, cancellationToken);
                break;
        }
    }
}
