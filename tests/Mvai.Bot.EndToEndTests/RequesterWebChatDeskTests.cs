using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mvai.Bot.Intake;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// The requester's side of the request desk in real Web Chat (embedded Direct Line, WebSocket): a PIO asks for help
/// in their own words, an advisor assigns a peer advisor in the console in a second browser, the match arrives in the
/// PIO's open chat without them asking, and they ask how it stands and withdraw it, which the console shows.
/// </summary>
public sealed partial class RequesterWebChatDeskTests(RequestDeskFixture fixture) : IClassFixture<RequestDeskFixture>
{
    private const float Patience = 20_000;
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = Patience };

    [Fact]
    public async Task APioRequestsHelpInWebChat_SeesTheMatchArriveInTheChat_AsksItsStatus_AndWithdrawsIt()
    {
        await using var userBrowser = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var user = await userBrowser.NewPageAsync();
        await user.GotoAsync(fixture.Host.BaseAddress.ToString());
        var chat = user.Locator(".webchat__basic-transcript");
        await Assertions.Expect(chat.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First).ToBeVisibleAsync(Soon);

        // Own words, and a piece of the question that must follow (Web Chat makes quotes typographic).
        (string Answer, string Next)[] script =
        [
            ("we had a shooting at a church and I'd like to request peer support from MVAI", IntakeMessages.AskName),
            ("Dana Whitfield", IntakeMessages.AskTitle),
            ("Public Information Officer", IntakeMessages.AskAgency),
            ("Harbor City Police Department", IntakeMessages.AskAgencyType),
            ("city police", "Which city and state is the agency in?"),
            ("Harbor City, IL", IntakeMessages.AskPhone),
            ("(503) 555-0142", IntakeMessages.AskEmail),
            ("dwhitfield@harborcity.example", IntakeMessages.AskContactMethod),
            // The first message already said it was a shooting: the bot does not ask again.
            ("phone please", "On what date did it happen?"),
            ("last Sunday", IntakeMessages.AskSceneActive),
            ("no, it's over", "Roughly how many people were killed?"),
            ("2", "Roughly how many were injured?"),
            ("5", "What kinds of help does your agency need?"),
            ("media and wellness", IntakeMessages.AskUrgency),
            ("this week", "Is there anything else the advisor should know?"),
            ("the vigil is on Friday", IntakeMessages.AskConsent),
            ("yes", IntakeMessages.AskSummaryAction),
        ];
        foreach (var (answer, next) in script)
        {
            await SayAsync(user, answer);
            await Assertions.Expect(chat.GetByText(next, new() { Exact = false }).Last).ToBeVisibleAsync(Soon);
        }
        await SayAsync(user, IntakeMessages.Confirm);
        await Assertions.Expect(chat.GetByText("Would you like to talk with one in this chat now?", new() { Exact = false }).Last).ToBeVisibleAsync(Soon);
        var reference = Reference().Match(await chat.InnerTextAsync()).Value;
        Assert.NotEmpty(reference);
        await SayAsync(user, "no thanks");

        await using var advisorBrowser = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var consolePage = await AdvisorConsolePage.SignInAsync(advisorBrowser, fixture.Host.BaseAddress, Patience);
        var console = consolePage.Page;
        var row = console.Locator("#request-rows tr").Filter(new() { HasText = reference });
        await row.GetByRole(AriaRole.Button, new() { Name = reference }).ClickAsync(new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-fields")).ToContainTextAsync("Dana Whitfield", new() { Timeout = Patience });
        await console.GetByRole(AriaRole.Button, new() { Name = "Assign Chief Ann Lopez" }).ClickAsync();
        await Assertions.Expect(console.Locator("#request-status")).ToHaveTextAsync("Assigned. The requester has been told who will contact them.",
            new() { Timeout = Patience });

        // The PIO did nothing: the match arrives in the open chat.
        await Assertions.Expect(chat.GetByText($"An update on your request {reference}: the MVAI team has matched your agency with Chief Ann Lopez",
            new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await SayAsync(user, $"any news on {reference}?");
        await Assertions.Expect(chat.GetByText($"Request {reference}, submitted", new() { Exact = false }).Last).ToContainTextAsync("matched with Chief Ann Lopez",
            new() { Timeout = Patience });
        await SayAsync(user, $"we no longer need help with {reference}, thank you");
        await Assertions.Expect(chat.GetByText("withdrawn", new() { Exact = false }).Last).ToBeVisibleAsync(Soon);

        await Assertions.Expect(console.Locator("#request-history")).ToContainTextAsync("withdrawn by requester", new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-state")).ToContainTextAsync("Withdrawn", new() { Timeout = Patience });
        // The "Assigned…" line was about an earlier step; the channel is named as the team knows it.
        await Assertions.Expect(console.Locator("#request-status")).ToHaveTextAsync(string.Empty, new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-fields")).ToContainTextAsync("Web Chat");
        await user.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-request-matched.png"), FullPage = true });
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "advisor-request-withdrawn.png"), FullPage = true });
        Assert.Empty(consolePage.CspViolations);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    [GeneratedRegex(@"MVAI-20\d\d-\d{4,}")]
    private static partial Regex Reference();
}
