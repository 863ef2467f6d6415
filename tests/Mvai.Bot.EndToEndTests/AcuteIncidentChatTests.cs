using Mvai.Bot.Assistant;
using Mvai.Bot.Intake;
using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// The message the assistant exists for, typed into the real Web Chat page: a chief hours after a shooting who does not
/// know where to start gets the first-hours checklist and two buttons, and the button starts the request.
/// </summary>
public sealed class AcuteIncidentChatTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AChiefWhoDoesNotKnowWhereToStart_GetsTheChecklist_AndOneClickStartsTheRequest()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 420, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        var transcript = page.Locator(".webchat__basic-transcript");
        await Assertions.Expect(transcript.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First)
            .ToBeVisibleAsync(new() { Timeout = 20_000 });

        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.FillAsync("shooting at the county fair tonight, 5 dead and a lot hurt. im the sheriff and i dont know where to start");
        await sendBox.PressAsync("Enter");

        // Markdown renders the checklist as a list with bold lead words.
        await Assertions.Expect(transcript.Locator("strong", new() { HasText = "Families first." }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(transcript.Locator("li")).ToHaveCountAsync(5);
        // Web Chat also keeps copies of the buttons in its screen-reader live region; the visible ones come last.
        var request = page.GetByRole(AriaRole.Button, new() { Name = AssistantMessages.RequestAssistance }).Last;
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = AssistantMessages.TalkToAdvisor }).Last).ToBeVisibleAsync();

        await request.ClickAsync();

        await Assertions.Expect(transcript.GetByText(IntakeMessages.AskName).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "acute-incident.png"), FullPage = true });
    }
}
