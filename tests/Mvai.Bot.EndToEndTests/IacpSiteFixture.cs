using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// A stand-in for the IACP site on its own loopback origin, whose page carries the embed snippet's one
/// script tag, and the assistant on another origin that lists the site in <c>WebChat:AllowedOrigins</c>.
/// </summary>
public sealed class IacpSiteFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private Uri? _botAddress;

    public LoopbackServer Site { get; private set; } = null!;
    public BotTestHost Bot { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The page names the bot's address, which is only known once the bot (which must know the site's origin) runs.
        Site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Content(HostPage(_botAddress!, webSocket: true), "text/html"));
            app.MapGet("/polling", () => Results.Content(HostPage(_botAddress!, webSocket: false), "text/html"));
        });
        Bot = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebChat:AllowedOrigins:0"] = Site.BaseAddress.GetLeftPart(UriPartial.Authority),
        });
        _botAddress = Bot.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    private static string HostPage(Uri bot, bool webSocket) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>IACP | Mass Violence Advisory Initiative</title></head>
        <body>
          <h1>Mass Violence Advisory Initiative</h1>
          <p>Peer support for law enforcement leaders. <a href="#contact">Contact us</a></p>
          <script src="{WebUtility.HtmlEncode(new Uri(bot, "embed.js").ToString())}" data-title="MVAI Assistant"{(webSocket ? "" : " data-websocket=\"false\"")} async></script>
        </body>
        </html>
        """;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}
