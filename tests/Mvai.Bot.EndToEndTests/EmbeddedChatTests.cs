using System.Text.Json;
using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The embed snippet on another origin, in real Chromium: keyboard, greeting, a cited answer, and a reload that resumes.</summary>
public sealed partial class EmbeddedChatTests(IacpSiteFixture fixture) : IClassFixture<IacpSiteFixture>
{
    private const string GreetingPart = "MVAI Assistant from the Mass Violence Advisory Initiative";
    private const string Question = "what is a family assistance center?";
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Theory]
    [InlineData("websocket", "")]
    [InlineData("polling", "polling")]
    public async Task SiteVisitor_OpensTheChatByKeyboard_AsksAQuestion_Reloads_AndContinuesTheSameConversation(string mode, string path)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var transcript = page.Locator(".mvai-panel .webchat__basic-transcript");
        var sendBox = page.Locator(".mvai-panel [data-id=\"webchat-sendbox-input\"]");
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with the MVAI Assistant" });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "MVAI Assistant chat" });

        await page.GotoAsync(new Uri(fixture.Site.BaseAddress, path).ToString());
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

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"embed-resumed-{mode}.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task StoredConversationTheBotNoLongerKnows_GivesWayToANewConversation_WithAGreeting()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Site.BaseAddress.ToString());
        // A valid token for a conversation the bot has no record of, as after its database was reset.
        var tokens = fixture.Bot.Services.GetRequiredService<Mvai.BotFramework.DirectLine.DirectLineTokenService>();
        var lost = tokens.Issue("forgotten-conversation-dl", "user-lost");
        await page.EvaluateAsync("""
            ([key, session]) => sessionStorage.setItem(key, JSON.stringify(session))
            """, new object[]
        {
            "mvai-assistant:" + fixture.Bot.BaseAddress.GetLeftPart(UriPartial.Authority),
            new
            {
                token = lost.Value, conversationId = lost.ConversationId, userId = "user-lost",
                domain = new Uri(fixture.Bot.BaseAddress, "v3/directline").ToString(),
                expiresAt = DateTimeOffset.UtcNow.AddMinutes(20).ToUnixTimeMilliseconds(),
            },
        });
        await page.ReloadAsync();

        await OpenByKeyboardAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Chat with the MVAI Assistant" }));

        var transcript = page.Locator(".mvai-panel .webchat__basic-transcript");
        await Assertions.Expect(transcript.GetByText(GreetingPart).First).ToBeVisibleAsync(Patiently);
        Assert.NotEqual("forgotten-conversation-dl", await StoredConversationIdAsync(page));
    }

    [Fact]
    public async Task Launcher_Panel_AndMessages_HaveTextContrastOfAtLeast4_5()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Site.BaseAddress.ToString());
        await OpenByKeyboardAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Chat with the MVAI Assistant" }));
        var transcript = page.Locator(".mvai-panel .webchat__basic-transcript");
        await Assertions.Expect(transcript.GetByText(GreetingPart).First).ToBeVisibleAsync(Patiently);
        await page.Keyboard.TypeAsync("hello");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user .webchat__bubble__content").First).ToBeVisibleAsync(Patiently);

        foreach (var selector in new[]
        {
            ".mvai-launcher", ".mvai-header h2", ".mvai-close", ".mvai-notice",
            ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content",
            ".webchat__bubble--from-user .webchat__bubble__content",
        })
        {
            var colours = await page.Locator(selector).First.EvaluateAsync<string[]>("""
                element => {
                  let background = element;
                  while (background && getComputedStyle(background).backgroundColor.match(/rgba\(.*, 0\)|transparent/)) {
                    background = background.parentElement;
                  }
                  return [getComputedStyle(element).color, background ? getComputedStyle(background).backgroundColor : 'rgb(255, 255, 255)'];
                }
                """);
            var ratio = Contrast.Ratio(colours[0], colours[1]);
            Assert.True(ratio >= 4.5, $"{selector}: {colours[0]} on {colours[1]} is {ratio:0.00}:1");
        }
    }

    private Task<IBrowserContext> NewContextAsync() => fixture.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        Locale = "en-US",
    });

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

    /// <summary>Answers from the guidance: their [n] markers are Web Chat's citation buttons.</summary>
    private static ILocator CitedAnswers(ILocator transcript) =>
        transcript.Locator(".webchat__basic-transcript__activity").Filter(new() { Has = transcript.Page.Locator("button.webchat__render-markdown__citation") });

    private static async Task<string?> StoredConversationIdAsync(IPage page)
    {
        var stored = await page.EvaluateAsync<string?>(
            "() => Object.keys(sessionStorage).filter(k => k.startsWith('mvai-assistant:')).map(k => sessionStorage.getItem(k))[0] ?? null");
        Assert.NotNull(stored);
        return JsonDocument.Parse(stored).RootElement.GetProperty("conversationId").GetString();
    }
}
