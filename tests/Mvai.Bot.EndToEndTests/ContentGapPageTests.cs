using Microsoft.Playwright;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The guidance editors' content-gap page of the advisor console, in real Chromium under its strict CSP.</summary>
public sealed class ContentGapPageTests(AdvisorDeskFixture fixture) : IClassFixture<AdvisorDeskFixture>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task AnAdvisor_FollowsTheLinkFromTheQueue_AndSeesARefusedQuestionUnderNotCovered_WithTheCsvLink()
    {
        const string Question = "who won the football game last night";
        await new Conversation(fixture.Host, channelId: "directline").SayAsync(Question);
        await using var context = await fixture.Browser.NewContextAsync();
        var console = await AdvisorConsolePage.SignInAsync(context, fixture.Host.BaseAddress, Timeout);
        var page = console.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Content gaps" }).ClickAsync();

        var topics = page.Locator("#gaps-topics");
        await Assertions.Expect(topics.GetByRole(AriaRole.Heading, new() { Name = "Not covered (1)" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        var row = topics.GetByRole(AriaRole.Row).Filter(new() { HasText = Question });
        await Assertions.Expect(row).ToContainTextAsync("refused as out of scope");
        await page.Locator("#gaps-days").SelectOptionAsync("7");
        await Assertions.Expect(page.Locator("#gaps-csv")).ToHaveAttributeAsync("href", "/api/advisor/content-gaps.csv?days=7");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "content-gaps.png"), FullPage = true });
        Assert.Empty(console.CspViolations);
    }
}
