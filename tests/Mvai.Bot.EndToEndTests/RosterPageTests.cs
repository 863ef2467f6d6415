using Microsoft.Playwright;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The peer advisor roster page of the advisor console, in real Chromium under its strict CSP.</summary>
public sealed class RosterPageTests(RequestDeskFixture fixture) : IClassFixture<RequestDeskFixture>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task AnAdvisor_AddsAPeerAdvisor_IsToldWhatIsMissingFirst_ThenSeesThemListedAndAudited_AndRetiresThem()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var console = await AdvisorConsolePage.SignInAsync(context, fixture.Host.BaseAddress, Timeout);
        var page = console.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Peer advisor roster" }).ClickAsync();
        var roster = page.Locator("#roster-rows");
        await Assertions.Expect(roster.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chief Ann Lopez" }))
            .ToContainTextAsync("Configured", new() { Timeout = Timeout });

        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("reyes");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Capt. Dana Reyes");
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Captain");
        await page.GetByLabel("Agency", new() { Exact = true }).FillAsync("Riverside Police Department");
        await page.GetByLabel("State", new() { Exact = true }).FillAsync("IL");
        await page.Locator("#peer-incidents").GetByLabel("shooting").CheckAsync();
        await page.Locator("#peer-topics").GetByLabel("wellness").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add advisor" }).ClickAsync();
        // No email or phone: the API's 400 is shown as it is, and nothing is added.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("an Email or a Phone is required", new() { Timeout = Timeout });
        await Assertions.Expect(roster).Not.ToContainTextAsync("Capt. Dana Reyes");

        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("(555) 234-0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add advisor" }).ClickAsync();

        var reyes = roster.GetByRole(AriaRole.Row).Filter(new() { HasText = "Capt. Dana Reyes" });
        await Assertions.Expect(reyes).ToContainTextAsync("Riverside Police Department / Captain", new() { Timeout = Timeout });
        await Assertions.Expect(reyes).ToContainTextAsync("shooting");
        await Assertions.Expect(reyes).ToContainTextAsync("wellness");
        await Assertions.Expect(reyes).ToContainTextAsync("Added");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();
        var audit = page.Locator("#audit-rows").GetByRole(AriaRole.Row).Filter(new() { HasText = "reyes" });
        await Assertions.Expect(audit.Filter(new() { HasText = "added" })).ToContainTextAsync(TestAdvisors.AliceId, new() { Timeout = Timeout });

        // Retiring sends the version the page shows; the confirmation is accepted by the console page helper.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire Capt. Dana Reyes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-status")).ToHaveTextAsync("Retired Capt. Dana Reyes.", new() { Timeout = Timeout });
        await Assertions.Expect(reyes).ToHaveClassAsync("retired", new() { Timeout = Timeout });
        await Assertions.Expect(audit.Filter(new() { HasText = "retired" })).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "roster.png"), FullPage = true });
        Assert.Empty(console.CspViolations);
    }
}
