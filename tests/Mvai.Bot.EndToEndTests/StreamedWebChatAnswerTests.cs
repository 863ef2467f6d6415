using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The assistant with a language model (the fake OpenAI server, streaming its reply a few words at a time).</summary>
public sealed class ModelBrowserFixture : BrowserFixture
{
    public const string ModelAnswer =
        "Hold a short statement within the first hour [1] and name one spokesperson for every briefing. Promise updates at set " +
        "times and keep them even when there is little new [2]; say what is confirmed and what is not yet known, and never " +
        "release the names of victims before their families have been told by the people assigned to do it.";

    private FakeOpenAIServer? _model;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Knowledge:OpenAI:Endpoint"] = _model!.Endpoint.ToString(),
        ["Knowledge:OpenAI:ChatModel"] = "test-model",
    };

    protected override async Task BeforeHostAsync() =>
        _model = await FakeOpenAIServer.StartAsync(ModelAnswer, chunkDelay: TimeSpan.FromMilliseconds(250));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }
}

/// <summary>
/// In real Web Chat 4.18.1, a model-written answer is shown as it is written (Web Chat's livestreaming, fed over the
/// embedded Direct Line's WebSocket), then replaced by the cited final answer: one answer in the transcript, not two.
/// </summary>
public sealed class StreamedWebChatAnswerTests(ModelBrowserFixture fixture) : IClassFixture<ModelBrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = GreetedWebChat.Patiently;

    [Fact]
    public async Task AModelAnswer_GrowsInPlace_ThenBecomesTheCitedAnswer_ShownOnce()
    {
        await using var chat = await GreetedWebChat.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var (page, transcript) = (chat.Page, chat.Transcript);

        await chat.SayAsync("what do i tell the press in the first hour");

        // Part of the text is on screen while the end of it is still being written.
        var opening = transcript.GetByText("Hold a short statement within the first hour", new() { Exact = false }).First;
        await Assertions.Expect(opening).ToBeVisibleAsync(Patiently);
        var ending = transcript.GetByText("by the people assigned to do it", new() { Exact = false });
        Assert.Equal(0, await ending.CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-streaming.png") });

        // The final answer replaces the stream: cited, and in the transcript once.
        var citations = transcript.Locator("button.webchat__render-markdown__citation");
        await Assertions.Expect(citations.First).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(ending.First).ToBeVisibleAsync(Patiently);
        var answers = transcript.Locator(".webchat__basic-transcript__activity").Filter(new() { HasText = "Hold a short statement within the first hour" });
        await Assertions.Expect(answers).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-streamed-final.png") });
        Assert.Empty(chat.Errors);
    }
}
