using Microsoft.Playwright;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Assistant;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// A guidance answer in the real Web Chat 4.18.1 bundle in Chromium: its [n] markers open Web Chat's citation pop-up
/// (the passage and a link to the source), and a thumb under it is stored against the question.
/// </summary>
public sealed class WebChatAnswerTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Question = "what do i tell the press in the first hour";
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task ACitationMarker_OpensThePopUpWithTheSourceLink_AndAThumbDownIsStored()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        var transcript = page.Locator(".webchat__basic-transcript");
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await Assertions.Expect(sendBox).ToBeVisibleAsync(Patiently);
        // After the greeting: Web Chat shows the thumbs in the status line of the last message of a group.
        await Assertions.Expect(transcript.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First).ToBeVisibleAsync(Patiently);
        var since = DateTimeOffset.UtcNow;

        await sendBox.FillAsync(Question);
        await sendBox.PressAsync("Enter");

        // The answer's markers are buttons (cite: addresses), not links that leave the page.
        var marker = transcript.Locator("button.webchat__render-markdown__citation").First;
        await Assertions.Expect(marker).ToBeVisibleAsync(Patiently);
        // Every source has a marker Web Chat turns into a button (none swallowed by Markdown's "[3][4]" link syntax).
        var references = await transcript.Locator(".webchat__link-definitions__list-item").CountAsync();
        Assert.True(references > 0, "no reference list");
        var numbers = await transcript.Locator("button.webchat__render-markdown__citation").AllInnerTextsAsync();
        Assert.Equal(Enumerable.Range(1, references).Select(n => $"{n}"), numbers.Select(t => t.Trim('[', ']')).Distinct().Order());
        await marker.ClickAsync();
        var popUp = page.Locator(".webchat__citation-modal-dialog");
        await Assertions.Expect(popUp).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(popUp.Locator(".webchat__citation-modal-dialog__header")).Not.ToBeEmptyAsync();
        var sourceLink = popUp.Locator("a[href^='https://']").First;
        await Assertions.Expect(sourceLink).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-citation-popup.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popUp).ToBeHiddenAsync();

        var thumbDown = transcript.Locator("button.webchat__thumb-button").Last;
        await Assertions.Expect(thumbDown).ToBeVisibleAsync(Patiently);
        await thumbDown.ClickAsync();

        // Web Chat posts the thumb half a second later; the assistant stores it and says thank you.
        await Assertions.Expect(transcript.GetByText(AssistantMessages.FeedbackSorry[..AssistantMessages.FeedbackSorry.IndexOf('.', StringComparison.Ordinal)]).First).ToBeVisibleAsync(Patiently);
        var records = fixture.Host.Services.GetRequiredService<IAnswerRecordStore>();
        var stored = Assert.Single(await records.ListGapsAsync(since, CancellationToken.None), r => r.Question == Question);
        Assert.Equal(FeedbackReaction.Dislike, stored.Reaction);
        Assert.NotEmpty(stored.PassageIds);
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-thumb.png") });
        Assert.Empty(errors);
    }
}
