using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Intake.Validation;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Handoff;

/// <summary>
/// Four short questions after hours (danger now, what happened, how urgent, how to call back), each skipped
/// when already known. Ends with the <see cref="TriageAnswers"/>.
/// </summary>
public sealed class TriageDialog : ComponentDialog
{
    private const string StepsId = "triage.steps";
    private const string DangerPrompt = "triage.danger";
    private const string WhatPrompt = "triage.what";
    private const string UrgencyPrompt = "triage.urgency";
    private const string PhonePrompt = "triage.phone";
    private const string TimePrompt = "triage.time";
    private const int MaxAttempts = 3;

    public const string AskDanger = "First: is anyone in danger right now?";
    public const string AskWhatHappened = "In a sentence or two, what happened and what help do you need?";
    public const string AskUrgency = "How soon do you need to talk with an advisor?";
    public const string AskPhone = "What's the best phone number to call you back? (Or say \"chat\" to be contacted here.)";
    public const string RetryPhone = "That doesn't look like a US phone number. Please type it like 555-555-0100, or say \"chat\".";
    public const string AskTime = "When is a good time to call? (For example \"any time\" or \"after 7 a.m.\")";

    public TriageDialog() : base(nameof(TriageDialog))
    {
        AddDialog(new WaterfallDialog<TriageAnswers>(StepsId,
        [
            AskDangerAsync,
            AskWhatHappenedAsync,
            AskUrgencyAsync,
            AskPhoneAsync,
            AskTimeAsync,
            FinishAsync,
        ]));
        AddDialog(new ConfirmPrompt(DangerPrompt));
        AddDialog(new TextPrompt(WhatPrompt));
        AddDialog(new ChoicePrompt(UrgencyPrompt));
        AddDialog(new TextPrompt(PhonePrompt, (prompt, _) =>
            Task.FromResult(IsChat(prompt.Recognized.Value) || PhoneNumbers.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(TimePrompt));
        InitialDialogId = StepsId;
    }

    private static Task<DialogTurnResult> AskDangerAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.GetState<TriageAnswers>().SomeoneInDanger is not null
            ? step.NextAsync(null, cancellationToken)
            : step.PromptAsync(DangerPrompt, Ask(AskDanger), cancellationToken);

    private static async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answers = step.GetState<TriageAnswers>();
        if (step.Result is bool danger)
        {
            answers.SomeoneInDanger = danger;
            if (danger)
            {
                await step.Context.SendActivityAsync(SafetyReplies.ActiveThreat, cancellationToken);
            }
        }
        return answers.WhatHappened is not null
            ? await step.NextAsync(null, cancellationToken)
            : await step.PromptAsync(WhatPrompt, Ask(AskWhatHappened), cancellationToken);
    }

    private static async Task<DialogTurnResult> AskUrgencyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answers = step.GetState<TriageAnswers>();
        if (step.Result is string what && what.Trim().Length > 0)
        {
            answers.WhatHappened = what.Trim();
        }
        if (answers.SomeoneInDanger == true)
        {
            answers.Urgency = Urgency.Today;
        }
        if (answers.Urgency is not null)
        {
            return await step.NextAsync(null, cancellationToken);
        }
        var options = Ask(AskUrgency);
        options.Choices = [.. IntakeLabels.Urgencies.Values.Select(label => new Choice(label))];
        return await step.PromptAsync(UrgencyPrompt, options, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answers = step.GetState<TriageAnswers>();
        if (step.Result is FoundChoice choice)
        {
            answers.Urgency = IntakeLabels.Urgencies.First(u => u.Value == choice.Value).Key;
        }
        if (answers.CallbackAsked)
        {
            return await step.NextAsync(null, cancellationToken);
        }
        var options = Ask(AskPhone);
        options.RetryPrompt = Activity.CreateMessage(RetryPhone);
        return await step.PromptAsync(PhonePrompt, options, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskTimeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answers = step.GetState<TriageAnswers>();
        if (step.Result is string phone)
        {
            answers.CallbackAsked = true;
            answers.CallbackPhone = IsChat(phone) ? null : PhoneNumbers.Normalize(phone);
        }
        return answers.CallbackPhone is null || answers.CallbackTime is not null
            ? await step.NextAsync(null, cancellationToken)
            : await step.PromptAsync(TimePrompt, Ask(AskTime), cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answers = step.GetState<TriageAnswers>();
        if (step.Result is string time && time.Trim().Length > 0)
        {
            answers.CallbackTime = time.Trim();
        }
        return step.EndDialogAsync(answers, cancellationToken);
    }

    /// <summary>A prompt that gives up after a few unusable answers; the triage then goes on with what it has.</summary>
    private static PromptOptions Ask(string question) =>
        new() { Prompt = Activity.CreateMessage(question), MaxAttempts = MaxAttempts };

    private static bool IsChat(string? text) =>
        text?.Trim().ToLowerInvariant() is "chat" or "here" or "in this chat" or "teams" or "no phone" or "none" or "email";
}
