using System.Text.Json.Nodes;
using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Intake.Validation;
using static Mvai.Bot.Intake.Contact.ContactFormCard;

namespace Mvai.Bot.Intake.Contact;

/// <summary>
/// Phone, email and preferred contact as one Adaptive Card where the channel renders cards, answered through
/// <see cref="CardSubmitPrompt"/>. Each submitted value passes the same validators as the typed questions; a
/// retry names what is wrong and keeps what was right. Typing a phone number instead of using the card answers
/// the phone question, and email and preferred contact are then asked one at a time as on text channels.
/// </summary>
internal static class ContactForm
{
    public const string Name = "contactForm";
    public const string PromptId = "intake." + Name;

    // Valid values of earlier submits, by input id, in the prompt's state: a retry keeps them.
    private const string KeptKey = "kept";

    private static readonly IList<Choice> ContactChoices = [.. IntakeLabels.ContactMethods.Values.Select(label => new Choice(label))];

    private static readonly (string Input, string Label)[] Inputs =
        [(PhoneInput, "phone number"), (EmailInput, "email address"), (ContactInput, "preferred contact")];

    /// <summary>At the phone question, on a card channel, while phone and at least one more contact answer are missing.</summary>
    public static bool Applies(IntakeField field, AssistanceRequest request, string? channelId) =>
        field.Name == "phone" && request.Phone is null && (request.Email is null || request.PreferredContact is null)
        && ChannelCapabilities.SupportsAdaptiveCards(channelId);

    public static CardSubmitPrompt CreatePrompt() => new(PromptId, ValidateAsync);

    public static PromptOptions Options(AssistanceRequest request)
    {
        var known = Known(request);
        return new PromptOptions
        {
            Prompt = Render(IntakeMessages.AskContactForm, known),
            RetryPrompt = Render(IntakeMessages.AskContactForm, known),
            MaxAttempts = IntakeField.MaxAttempts,
        };
    }

    /// <summary>Stores the validated answer: all three from the card, or just the phone when it was typed.</summary>
    public static void Apply(AssistanceRequest request, object? result)
    {
        if (result is not JsonObject answer)
        {
            return;
        }
        request.Phone = Read(answer, PhoneInput) ?? request.Phone;
        request.Email = Read(answer, EmailInput) ?? request.Email;
        if (Read(answer, ContactInput) is { } label)
        {
            request.PreferredContact = IntakeLabels.ContactMethods.First(pair => pair.Value == label).Key;
        }
    }

    private static async Task<bool> ValidateAsync(PromptValidatorContext<JsonObject> prompt, CancellationToken cancellationToken)
    {
        var submitted = prompt.Recognized.Value;
        if (submitted is null || Read(submitted, FormKey) != FormValue)
        {
            return await TypedPhoneAsync(prompt, cancellationToken);
        }
        var kept = DialogValues.Get<Dictionary<string, string>>(prompt.State, KeptKey) ?? new(StringComparer.Ordinal);
        var problems = new List<string>();
        Check(PhoneInput, PhoneNumbers.Normalize, IntakeMessages.ContactFormBadPhone);
        Check(EmailInput, EmailAddresses.Normalize, IntakeMessages.ContactFormBadEmail);
        Check(ContactInput, ContactLabel, IntakeMessages.ContactFormBadContact);
        prompt.State[KeptKey] = kept;
        if (problems.Count == 0)
        {
            prompt.Recognized.Value = new JsonObject([.. kept.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]);
            return true;
        }
        if (!IsLastAttempt(prompt))
        {
            var retry = IntakeMessages.ContactFormRetry(problems, Inputs.Where(i => kept.ContainsKey(i.Input)).Select(i => i.Label));
            await prompt.Context.SendActivityAsync(Render(retry, kept), cancellationToken);
        }
        return false;

        // A blank input keeps an earlier valid value; a new value replaces it only if valid.
        void Check(string input, Func<string?, string?> validate, string problem)
        {
            var value = Read(submitted, input);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!kept.ContainsKey(input))
                {
                    problems.Add(problem);
                }
                return;
            }
            if (validate(value) is { } valid)
            {
                kept[input] = valid;
                return;
            }
            kept.Remove(input);
            problems.Add(problem);
        }
    }

    /// <summary>The card was ignored and something typed: it answers the phone question, as on a text channel.</summary>
    private static async Task<bool> TypedPhoneAsync(PromptValidatorContext<JsonObject> prompt, CancellationToken cancellationToken)
    {
        if (PhoneNumbers.Normalize(prompt.Context.Activity.Text) is { } phone)
        {
            prompt.Recognized.Succeeded = true;
            prompt.Recognized.Value = new JsonObject { [PhoneInput] = phone };
            return true;
        }
        if (!IsLastAttempt(prompt))
        {
            await prompt.Context.SendActivityAsync(IntakeMessages.RetryPhone, cancellationToken);
        }
        return false;
    }

    // On the last attempt the prompt gives up and the intake says so: a retry first would contradict it.
    private static bool IsLastAttempt(PromptValidatorContext<JsonObject> prompt) =>
        prompt.Options.MaxAttempts is { } max && prompt.AttemptCount >= max;

    /// <summary>The preferred contact as the typed question reads it, returned as its label.</summary>
    private static string? ContactLabel(string? text) =>
        ChoiceRecognizer.Recognize(text, ContactChoices, "en-us") is { } found ? ContactChoices[found.Index].Value : null;

    private static Dictionary<string, string> Known(AssistanceRequest request)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Email is { } email)
        {
            known[EmailInput] = email;
        }
        if (request.PreferredContact is { } contact)
        {
            known[ContactInput] = IntakeLabels.ContactMethods[contact];
        }
        return known;
    }

    private static string? Read(JsonObject value, string key) =>
        value[key] is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;
}
