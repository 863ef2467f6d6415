using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>
/// Phone, email and preferred contact as one Adaptive Card in Teams and Web Chat, answered with captured-style
/// Action.Submit payloads; typing instead still works, and text-only channels keep the separate questions.
/// </summary>
public sealed class ContactFormTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Webchat)]
    public async Task OneSubmit_AnswersPhoneEmailAndPreferredContact(string channelId)
    {
        var chat = new Conversation(_host, channelId);
        var replies = await ReachTheContactCardAsync(chat);

        var card = CardOf(replies[^1]);
        var phone = Input(card, "phone");
        Assert.Equal(("Input.Text", true), (phone["type"]!.GetValue<string>(), phone["isRequired"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrEmpty(phone["label"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(phone["errorMessage"]?.GetValue<string>()));
        Assert.Matches(phone["regex"]!.GetValue<string>(), "(555) 234-0100");
        Assert.DoesNotMatch(phone["regex"]!.GetValue<string>(), "12345");
        var email = Input(card, "email");
        Assert.True(email["isRequired"]!.GetValue<bool>());
        Assert.Matches(email["regex"]!.GetValue<string>(), "chief@springfield-pd.gov");
        Assert.DoesNotMatch(email["regex"]!.GetValue<string>(), "chief at springfield");
        var contact = Input(card, "contact");
        Assert.Equal("Input.ChoiceSet", contact["type"]!.GetValue<string>());
        Assert.Equal(IntakeLabels.ContactMethods.Values, contact["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", submit["type"]!.GetValue<string>());
        Assert.Equal("contact", submit["data"]!["intakeForm"]!.GetValue<string>());

        var next = await chat.SendAsync(CapturedCardSubmit.For(chat, Form("555.234.0100", " chief@springfield-pd.gov ", "Email")));

        Assert.StartsWith(IntakeMessages.AskIncidentType, IntakeScript.Said(next[^1]), StringComparison.Ordinal);
        var stored = await CompleteAsync(chat);
        Assert.Equal(("(555) 234-0100", "chief@springfield-pd.gov", ContactMethod.Email), (stored.Phone, stored.Email, stored.PreferredContact));
    }

    [Theory]
    [InlineData("12345", "chief@springfield-pd.gov", "Phone", new[] { IntakeMessages.ContactFormBadPhone }, "email address and preferred contact")]
    [InlineData("555-234-0100", "chief at springfield", "", new[] { IntakeMessages.ContactFormBadEmail, IntakeMessages.ContactFormBadContact }, "phone number")]
    [InlineData("", "", "Carrier pigeon", new[] { IntakeMessages.ContactFormBadPhone, IntakeMessages.ContactFormBadEmail, IntakeMessages.ContactFormBadContact }, null)]
    public async Task InvalidValues_GetARetryNamingThem_AndTheValidOnesAreKept(string phone, string email, string contact, string[] problems, string? kept)
    {
        var chat = new Conversation(_host, Channels.Msteams);
        await ReachTheContactCardAsync(chat);

        var retry = (await chat.SendAsync(CapturedCardSubmit.For(chat, Form(phone, email, contact))))[^1];

        Assert.StartsWith("Almost there", retry.Text, StringComparison.Ordinal);
        var allProblems = new[] { IntakeMessages.ContactFormBadPhone, IntakeMessages.ContactFormBadEmail, IntakeMessages.ContactFormBadContact };
        Assert.All(problems, p => Assert.Contains(p, retry.Text, StringComparison.Ordinal));
        Assert.All(allProblems.Except(problems), p => Assert.DoesNotContain(p, retry.Text, StringComparison.Ordinal));
        if (kept is null)
        {
            Assert.DoesNotContain("I kept", retry.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"I kept the {kept} you entered", retry.Text, StringComparison.Ordinal);
        }
        // The card comes back with the valid answers filled in and the wrong ones empty.
        var card = CardOf(retry);
        var validValues = new Dictionary<string, string?>
        {
            ["phone"] = problems.Contains(IntakeMessages.ContactFormBadPhone) ? null : "(555) 234-0100",
            ["email"] = problems.Contains(IntakeMessages.ContactFormBadEmail) ? null : "chief@springfield-pd.gov",
            ["contact"] = problems.Contains(IntakeMessages.ContactFormBadContact) ? null : "Phone",
        };
        Assert.All(validValues, pair => Assert.Equal(pair.Value, Input(card, pair.Key)["value"]?.GetValue<string>()));

        // Only the corrections are sent again (blank inputs keep what was already valid).
        var fixes = Form(
            validValues["phone"] is null ? "(555) 234-0100" : "",
            validValues["email"] is null ? "chief@springfield-pd.gov" : "",
            validValues["contact"] is null ? "Phone" : "");
        var next = await chat.SendAsync(CapturedCardSubmit.For(chat, fixes));

        Assert.StartsWith(IntakeMessages.AskIncidentType, IntakeScript.Said(next[^1]), StringComparison.Ordinal);
        var stored = await CompleteAsync(chat);
        Assert.Equal(("(555) 234-0100", "chief@springfield-pd.gov", ContactMethod.Phone), (stored.Phone, stored.Email, stored.PreferredContact));
    }

    [Fact]
    public async Task TypingThePhoneNumber_InsteadOfUsingTheCard_AsksTheRestOneAtATime()
    {
        var chat = new Conversation(_host, Channels.Webchat);
        await ReachTheContactCardAsync(chat);

        await chat.ExpectAsync("call the front desk", IntakeMessages.RetryPhone);
        var email = await chat.ExpectAsync("555-234-0100", IntakeMessages.AskEmail);
        Assert.Null(email[^1].Attachments);
        await chat.ExpectAsync("chief@springfield-pd.gov", IntakeMessages.AskContactMethod);
        await chat.ExpectAsync("Phone", IntakeMessages.AskIncidentType);

        var stored = await CompleteAsync(chat);
        Assert.Equal(("(555) 234-0100", "chief@springfield-pd.gov", ContactMethod.Phone), (stored.Phone, stored.Email, stored.PreferredContact));
    }

    [Fact]
    public async Task HelpAtTheCard_ExplainsIt_AndShowsTheCardAgain()
    {
        var chat = new Conversation(_host, Channels.Msteams);
        await ReachTheContactCardAsync(chat);

        var replies = await chat.SayAsync("help");

        Assert.Equal(IntakeMessages.Help(IntakeMessages.AskContactForm), replies[0].Text);
        Assert.Equal("contact", CardOf(replies[^1])["actions"]![0]!["data"]!["intakeForm"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThreeUnusableSubmits_StopTheIntake_AndOfferAnAdvisor()
    {
        var chat = new Conversation(_host, Channels.Msteams);
        await ReachTheContactCardAsync(chat);

        await chat.SendAsync(CapturedCardSubmit.For(chat, Form("1", "x", "")));
        await chat.SendAsync(CapturedCardSubmit.For(chat, Form("2", "y", "")));
        var gaveUp = await chat.SendAsync(CapturedCardSubmit.For(chat, Form("3", "z", "")));

        // The intake stops and the handoff to an advisor begins with its triage question.
        Assert.Equal(IntakeMessages.GaveUp, gaveUp[0].Text);
        Assert.DoesNotContain(gaveUp, a => a.Attachments is not null);
        Assert.Equal(TriageDialog.AskDanger, IntakeScript.Said(gaveUp[^1]));
    }

    [Fact]
    public async Task TextOnlyChannel_AsksThePhoneAsAPlainQuestion()
    {
        var chat = new Conversation(_host, "sms");
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskLocation));

        var replies = await chat.SayAsync("Springfield, IL");

        Assert.Equal(IntakeMessages.AskPhone, replies[^1].Text);
        Assert.Null(replies[^1].Attachments);
    }

    /// <summary>Answers up to the city and state; the reply is the contact card.</summary>
    private static async Task<IList<Activity>> ReachTheContactCardAsync(Conversation chat)
    {
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskLocation));
        return await chat.ExpectAsync("Springfield, IL", IntakeMessages.AskContactForm);
    }

    /// <summary>Answers the rest of the script from the incident type, confirms, and reads the stored request.</summary>
    private async Task<AssistanceRequest> CompleteAsync(Conversation chat)
    {
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskIncidentType));
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");
        var stored = await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Find(received[^1].Text)!, default);
        return stored!.Request;
    }

    /// <summary>What Teams and Web Chat put in <c>value</c> for the card: its inputs merged with the submit's data.</summary>
    private static JsonObject Form(string phone, string email, string contact) => new()
    {
        ["intakeForm"] = "contact",
        ["phone"] = phone,
        ["email"] = email,
        ["contact"] = contact,
    };

    private static JsonObject CardOf(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return attachment.Content!.AsObject();
    }

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == id)!.AsObject();
}
