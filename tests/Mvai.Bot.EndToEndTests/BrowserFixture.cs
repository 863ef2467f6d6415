using Microsoft.Playwright;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// One real assistant and one headless Debian Chromium per test class. The system browser is used
/// (no Playwright browser download); a missing browser fails the tests with the reason.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BotTestHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Settings for the assistant this fixture starts; none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Runs before the assistant starts (a fake service it is configured to call).</summary>
    protected virtual Task BeforeHostAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeHostAsync();
        Host = await BotTestHost.StartAsync(Settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Headless system Chromium with the flags that work on this machine (see real-clients.md).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{ChromiumPath}'. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
