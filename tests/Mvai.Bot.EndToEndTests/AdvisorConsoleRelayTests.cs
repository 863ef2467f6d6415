using Microsoft.Playwright;
using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>An assistant with advisors on duty and two advisor accounts.</summary>
public sealed class AdvisorDeskFixture : BrowserFixture
{
    protected override IDictionary<string, string?>? Settings => TestAdvisors.OnDuty();
}

/// <summary>
/// The whole human handoff in real Chromium: a user in Web Chat asks for an advisor, an advisor signs in to the
/// console in a second browser, claims the case and replies; the two talk through the bot until the advisor
/// closes the case and the assistant takes over again.
/// </summary>
public sealed class AdvisorConsoleRelayTests(AdvisorDeskFixture fixture) : IClassFixture<AdvisorDeskFixture>
{
    // Generous: the test machine is shared, and the console polls every two seconds.
    private const float Patience = 20_000;
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = Patience };

    [Fact]
    public async Task UserAndAdvisor_TalkThroughTheBot_UntilTheAdvisorCloses_AndTheAssistantResumes()
    {
        await using var userBrowser = await NewContextAsync();
        var user = await userBrowser.NewPageAsync();
        await user.GotoAsync(new Uri(fixture.Host.BaseAddress, "/").ToString());
        var chat = user.Locator(".webchat__basic-transcript");
        await Assertions.Expect(chat.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First).ToBeVisibleAsync(Soon);
        await SayAsync(user, "talk to an advisor");
        await Assertions.Expect(chat.GetByText("connecting you with an MVAI advisor", new() { Exact = false }).First).ToBeVisibleAsync(Soon);

        await using var advisorBrowser = await NewContextAsync();
        // Keyboard only, as for advisors who do not use a mouse: Enter signs in, Tab and Enter open a case.
        var consolePage = await AdvisorConsolePage.SignInAsync(advisorBrowser, fixture.Host.BaseAddress, Patience);
        var console = consolePage.Page;

        var row = console.Locator("#queue-rows tr").Filter(new() { HasText = HandoffLabels.Reason(HandoffReason.UserAsked) });
        await Assertions.Expect(row).ToContainTextAsync("Waiting", new() { Timeout = Patience });
        await row.GetByRole(AriaRole.Button).FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        var transcript = console.Locator("#transcript");
        await Assertions.Expect(transcript).ToContainTextAsync("talk to an advisor", new() { Timeout = Patience });
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "advisor-queue.png"), FullPage = true });

        await Assertions.Expect(console.Locator("#case-heading")).ToBeFocusedAsync(new() { Timeout = Patience });
        await console.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        await Assertions.Expect(chat.GetByText($"{TestAdvisors.AliceName} from the MVAI advisory team has joined the chat", new() { Exact = false }).First)
            .ToBeVisibleAsync(Soon);

        var reply = console.GetByLabel("Reply to the user");
        await Assertions.Expect(reply).ToBeEnabledAsync(new() { Timeout = Patience });
        await reply.FillAsync("Chief, this is Alice. How can I help?");
        await reply.PressAsync("Enter");
        await Assertions.Expect(chat.GetByText("Chief, this is Alice. How can I help?", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(reply).ToHaveValueAsync(string.Empty, new() { Timeout = Patience });

        await SayAsync(user, "We need a media plan for tomorrow");
        await Assertions.Expect(transcript).ToContainTextAsync("We need a media plan for tomorrow", new() { Timeout = Patience });

        await console.GetByLabel("Closing note").FillAsync("Media plan agreed; follow up Friday.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Assertions.Expect(chat.GetByText("The advisor has ended the chat.", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(console.Locator("#case-state")).ToContainTextAsync("Closed", new() { Timeout = Patience });

        // The session survives a reload, and the address (what alerts link to) opens the same case.
        Assert.Matches("/advisor/#case=[0-9a-f]{32}$", console.Url);
        await console.ReloadAsync();
        await Assertions.Expect(console.Locator("#case-state")).ToContainTextAsync("Closed", new() { Timeout = Patience });
        await Assertions.Expect(transcript).ToContainTextAsync("We need a media plan for tomorrow", new() { Timeout = Patience });

        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "advisor-console.png"), FullPage = true });
        await user.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-handoff.png"), FullPage = true });
        Assert.Empty(consolePage.CspViolations);
    }

    private Task<IBrowserContext> NewContextAsync() => fixture.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-US",
    });

    private static async Task SayAsync(IPage page, string text)
    {
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }
}
