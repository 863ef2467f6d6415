using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake.Contact;

/// <summary>
/// The Adaptive Card that asks phone, email and preferred contact at once (Teams, Web Chat). The card's own
/// checks (required, regex) only spare a round trip; the bot validates every submitted value again.
/// </summary>
internal static class ContactFormCard
{
    public const string PhoneInput = "phone";
    public const string EmailInput = "email";
    public const string ContactInput = "contact";

    /// <summary>The submit's data marker: a message whose value carries it is an answer to this card.</summary>
    public const string FormKey = "intakeForm";
    public const string FormValue = "contact";

    // Loose on purpose: spacing and punctuation vary, PhoneNumbers.Normalize decides.
    private const string PhonePattern = @"^[\s().+-]*(1[\s().-]*)?[2-9]\d{2}[\s().-]*[2-9]\d{2}[\s.-]*\d{4}(\s*(x|ext\.?|extension)\s*\d{1,6})?\s*$";
    private const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$";

    /// <summary>The message with the card; <paramref name="known"/> (input id → value) fills inputs already answered.</summary>
    public static Activity Render(string text, IReadOnlyDictionary<string, string> known)
    {
        var message = Activity.CreateMessage(text);
        message.Attachments = [new Attachment { ContentType = IntakeSummary.CardContentType, Content = Card(known) }];
        return message;
    }

    private static JsonObject Card(IReadOnlyDictionary<string, string> known) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "How can the advisor reach you?", ["weight"] = "Bolder", ["wrap"] = true },
            TextInput(PhoneInput, "Best phone number", "Tel", "555-234-0100", PhonePattern, "Enter a 10-digit US number, like 555-234-0100.", known),
            TextInput(EmailInput, "Email", "Email", "name@agency.gov", EmailPattern, "Enter an email address like name@agency.gov.", known),
            WithValue(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = ContactInput,
                ["label"] = IntakeMessages.AskContactMethod,
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose how you'd like to be contacted.",
                ["choices"] = new JsonArray([.. IntakeLabels.ContactMethods.Values.Select(label => (JsonNode)new JsonObject { ["title"] = label, ["value"] = label })]),
            }, ContactInput, known)),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = "Send contact details",
            ["style"] = "positive",
            ["data"] = new JsonObject { [FormKey] = FormValue },
        }),
    };

    private static JsonObject TextInput(
        string id, string label, string style, string placeholder, string regex, string error, IReadOnlyDictionary<string, string> known) =>
        WithValue(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["style"] = style,
            ["placeholder"] = placeholder,
            ["isRequired"] = true,
            ["regex"] = regex,
            ["errorMessage"] = error,
        }, id, known);

    private static JsonObject WithValue(JsonObject input, string id, IReadOnlyDictionary<string, string> known)
    {
        if (known.TryGetValue(id, out var value))
        {
            input["value"] = value;
        }
        return input;
    }
}
