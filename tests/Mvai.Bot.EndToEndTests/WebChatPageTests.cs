using Mvai.Bot.Intake;
using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The real Web Chat bundle on our page, against the embedded Direct Line, in both transports.</summary>
public sealed class WebChatPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Web Chat's markdown turns straight quotes into typographic ones, so match around them.
    private const string GreetingPart = "MVAI Assistant from the Mass Violence Advisory Initiative";

    [Theory]
    [InlineData("websocket", "/")]
    [InlineData("polling", "/?ws=0")]
    public async Task Page_GreetsFirst_AndAnswersATypedMessage(string mode, string path)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // The page's Content-Security-Policy must not block anything Web Chat does.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, path).ToString());
        Assert.Equal("MVAI Assistant", await page.TitleAsync());

        var transcript = page.Locator(".webchat__basic-transcript");
        await Assertions.Expect(transcript.GetByText(GreetingPart).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var text = $"We need MVAI help ({mode} test)";
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");

        // The bot starts the intake: its first question appears under the user's own (echoed) message.
        await Assertions.Expect(transcript.GetByText(text).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(transcript.GetByText(IntakeMessages.AskName).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Web Chat marks a message "Send failed" when the server never echoes it back.
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, $"webchat-{mode}.png"),
            FullPage = true,
        });
        Assert.Empty(errors);
    }
}
