using Microsoft.Playwright;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// The assistant's Web Chat page in a fresh browser context, once the greeting is shown (so the next bot message is the
/// last of its group, where Web Chat puts the status line and the thumbs), collecting page errors.
/// </summary>
internal sealed class GreetedWebChat : IAsyncDisposable
{
    public static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    private readonly IBrowserContext _context;

    private GreetedWebChat(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add(error);
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public ILocator Transcript => Page.Locator(".webchat__basic-transcript");

    public ILocator SendBox => Page.Locator("[data-id=\"webchat-sendbox-input\"]");

    public static async Task<GreetedWebChat> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 }, Locale = "en-US" });
        var chat = new GreetedWebChat(context, await context.NewPageAsync());
        await chat.Page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(chat.Transcript.GetByText("MVAI Assistant from the Mass Violence Advisory Initiative").First).ToBeVisibleAsync(Patiently);
        return chat;
    }

    public async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
