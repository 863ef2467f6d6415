using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The embed snippet on another origin, in real Chromium: keyboard, greeting, a cited answer, and a reload that resumes.</summary>
public sealed partial class EmbeddedChatTests(IacpSiteFixture fixture) : IClassFixture<IacpSiteFixture>
{
    private const string GreetingPart = "MVAI Assistant from the Mass Violence Advisory Initiative";
    private const string Question = "what is a family assistance center?";
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task SiteVisitor_OpensTheChatByKeyboard_AsksAQuestion_Reloads_AndContinuesTheSameConversation()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var transcript = page.Locator(".mvai-panel .webchat__basic-transcript");
        var sendBox = page.Locator(".mvai-panel [data-id=\"webchat-sendbox-input\"]");
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with the MVAI Assistant" });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "MVAI Assistant chat" });

        await page.GotoAsync(fixture.Site.BaseAddress.ToString());
        await OpenByKeyboardAsync(page, launcher);

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(transcript.GetByText(GreetingPart).First).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(sendBox).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync(Question);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(transcript.GetByText(Question).First).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(CitedAnswers(transcript)).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        var conversationBefore = await StoredConversationIdAsync(page);

        await page.ReloadAsync();
        await OpenByKeyboardAsync(page, launcher);

        // The earlier exchange is back, the bot did not greet again, and the conversation goes on.
        await Assertions.Expect(transcript.GetByText(Question).First).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(CitedAnswers(transcript)).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(sendBox).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("who staffs a family assistance center?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(CitedAnswers(transcript)).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        Assert.Equal(1, await Activities(transcript, GreetingPart).CountAsync());
        Assert.Equal(conversationBefore, await StoredConversationIdAsync(page));
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "embed-resumed.png") });
        Assert.Empty(errors);
    }

    /// <summary>Tabs through the page until the launcher has focus, then presses Enter, as a keyboard user would.</summary>
    private static async Task OpenByKeyboardAsync(IPage page, ILocator launcher)
    {
        await Assertions.Expect(launcher).ToBeVisibleAsync(Patiently);
        for (var i = 0; i < 10 && !await launcher.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Transcript entries (one per activity, whatever Web Chat renders inside) containing the text.</summary>
    private static ILocator Activities(ILocator transcript, string text) =>
        transcript.Locator(".webchat__basic-transcript__activity").Filter(new() { HasText = text });

    /// <summary>Answers from the guidance: their card ends with a "Sources" list of the passages cited.</summary>
    private static ILocator CitedAnswers(ILocator transcript) =>
        transcript.Locator(".webchat__basic-transcript__activity").Filter(new() { HasTextRegex = SourcesHeading() });

    [GeneratedRegex(@"\bSources\b")]
    private static partial Regex SourcesHeading();

    private static async Task<string?> StoredConversationIdAsync(IPage page)
    {
        var stored = await page.EvaluateAsync<string?>(
            "() => Object.keys(sessionStorage).filter(k => k.startsWith('mvai-assistant:')).map(k => sessionStorage.getItem(k))[0] ?? null");
        Assert.NotNull(stored);
        return JsonDocument.Parse(stored).RootElement.GetProperty("conversationId").GetString();
    }
}
