using Microsoft.Playwright;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The intake's contact card as real Web Chat renders it: the card's own checks, then a submit the bot accepts.</summary>
public sealed class ContactCardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ContactCard_ChecksThePhoneInTheBrowser_ThenOneSubmitAnswersTheContactBlock()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        var transcript = page.Locator(".webchat__basic-transcript");
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        // Typing before the greeting arrives can race the connection on a slow machine.
        await Assertions.Expect(transcript.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Each answer, and a piece of the question that must follow it (Web Chat makes quotes typographic).
        (string Answer, string Next)[] script =
        [
            ("We need MVAI help", IntakeMessages.AskName),
            ("Pat Rivera", IntakeMessages.AskTitle),
            ("Chief of Police", IntakeMessages.AskAgency),
            ("Springfield Police Department", IntakeMessages.AskAgencyType),
            ("Municipal police", "Which city and state is the agency in?"),
            ("Springfield, IL", IntakeMessages.AskPhone),
        ];
        foreach (var (answer, next) in script)
        {
            await sendBox.FillAsync(answer);
            await sendBox.PressAsync("Enter");
            await Assertions.Expect(transcript.GetByText(next).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }

        var card = transcript.Locator(".ac-adaptiveCard").Last;
        var phone = card.GetByRole(AriaRole.Textbox, new() { Name = "Best phone number" });
        await phone.FillAsync("12345");
        await card.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync("chief@springfield-pd.gov");
        await card.GetByRole(AriaRole.Radio, new() { Name = IntakeLabels.ContactMethods[ContactMethod.Email], Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Send contact details" }).ClickAsync();
        // The card's regex stops a bad number before it is sent.
        await Assertions.Expect(card.GetByText("Enter a 10-digit US number")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await phone.FillAsync("555-234-0100");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send contact details" }).ClickAsync();

        await Assertions.Expect(transcript.GetByText(IntakeMessages.AskIncidentType).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(0, await transcript.GetByText(IntakeMessages.AskEmail).CountAsync());
        Assert.Empty(errors);
    }
}
