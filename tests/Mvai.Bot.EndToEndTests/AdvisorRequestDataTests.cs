using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Privacy;

namespace Mvai.Bot.EndToEndTests;

/// <summary>
/// An advisor in real Chromium exports the request a case follows up (a download) and, once the case is closed,
/// deletes it from the console page, under the page's strict Content-Security-Policy.
/// </summary>
public sealed class AdvisorRequestDataTests(AdvisorDeskFixture fixture) : IClassFixture<AdvisorDeskFixture>
{
    private const float Patience = 20_000;

    [Fact]
    public async Task AdvisorExportsTheRequest_ThenDeletesItOnceTheCaseIsClosed()
    {
        var chat = new Conversation(fixture.Host);
        var reference = await chat.SubmitRequestAsync();
        Assert.NotEmpty(await chat.SayAsync("yes"));

        await using var browser = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = "en-US" });
        var consolePage = await AdvisorConsolePage.SignInAsync(browser, fixture.Host.BaseAddress, Patience);
        var console = consolePage.Page;
        var row = console.Locator("#queue-rows tr").Filter(new() { HasText = reference });
        await row.GetByRole(AriaRole.Button).ClickAsync(new() { Timeout = Patience });

        var section = console.Locator("#request-data");
        await Assertions.Expect(section).ToContainTextAsync($"Request {reference}", new() { Timeout = Patience });
        var delete = console.GetByRole(AriaRole.Button, new() { Name = "Delete request" });
        await Assertions.Expect(delete).ToBeDisabledAsync();
        var download = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Link, new() { Name = "Export request" }).ClickAsync());
        Assert.Equal($"{reference}.json", download.SuggestedFilename);
        var export = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("Pat Rivera", (string?)export["request"]!["request"]!["requesterName"]);

        await console.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        await Assertions.Expect(console.Locator("#case-state")).ToContainTextAsync("With you", new() { Timeout = Patience });
        await console.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Assertions.Expect(delete).ToBeEnabledAsync(new() { Timeout = Patience });
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "advisor-request-data.png"), FullPage = true });
        await delete.ClickAsync();

        await Assertions.Expect(console.Locator("#queue-notice")).ToContainTextAsync($"Request {reference} and its conversation data were deleted",
            new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#case")).ToBeHiddenAsync();
        Assert.Null(await fixture.Host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default));
        Assert.Empty(consolePage.CspViolations);
    }
}
