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
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = GreetedWebChat.Patiently;

    [Fact]
    public async Task ACitationMarker_OpensThePopUpWithTheSourceLink_AndAThumbDownIsStored()
    {
        await using var chat = await GreetedWebChat.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var (page, transcript) = (chat.Page, chat.Transcript);
        var since = DateTimeOffset.UtcNow;

        await chat.SayAsync(Question);

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
        Assert.Empty(chat.Errors);
    }
}
