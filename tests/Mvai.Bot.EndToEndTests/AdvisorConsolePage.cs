using Microsoft.Playwright;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// The advisor console in a browser page, signed in as Alice with the keyboard (Enter in the password field), accepting
/// every confirmation, and collecting any Content-Security-Policy violation the page reports.
/// </summary>
public sealed class AdvisorConsolePage
{
    private AdvisorConsolePage(IPage page) => Page = page;

    public IPage Page { get; }

    public List<string> CspViolations { get; } = [];

    public static async Task<AdvisorConsolePage> SignInAsync(IBrowserContext browser, Uri baseAddress, float timeout)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var console = new AdvisorConsolePage(await browser.NewPageAsync());
        var page = console.Page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                console.CspViolations.Add(message.Text);
            }
        };
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(new Uri(baseAddress, "/advisor").ToString());
        await page.GetByLabel("Advisor id").FillAsync(TestAdvisors.AliceId);
        await page.GetByLabel("Password").FillAsync(TestAdvisors.AliceSecret);
        // Keyboard only, as for advisors who do not use a mouse.
        await page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#advisor-name")).ToHaveTextAsync(TestAdvisors.AliceName, new() { Timeout = timeout });
        return console;
    }
}
