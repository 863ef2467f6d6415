using Microsoft.Playwright;
using Mvai.Bot.Tests.Desk;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Privacy;

namespace Mvai.Bot.EndToEndTests;

/// <summary>The advisor desk open around the clock, with the two test peer advisors on the roster.</summary>
public sealed class RequestDeskFixture : BrowserFixture
{
    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = TestAdvisors.OnDuty();
            TestRoster.AddTo(settings);
            return settings;
        }
    }
}

/// <summary>
/// The requests view in real Chromium: a chief's request appears, the advisor opens it, sees the best-matched peer
/// advisor with the reason, starts the review, assigns them (the chief hears who will call, in their own channel),
/// records the peer advisor's call as the first contact, adds a note, filters the list and reads the program report, all under the page's strict Content-Security-Policy.
/// </summary>
public sealed class AdvisorRequestDeskTests(RequestDeskFixture fixture) : IClassFixture<RequestDeskFixture>
{
    private const float Patience = 20_000;

    [Fact]
    public async Task AnAdvisorOpensANewRequest_AssignsTheSuggestedPeerAdvisor_AndTheChiefIsTold()
    {
        await using var channel = await ChannelConnectorServer.StartAsync();
        var chat = new Conversation(fixture.Host, "test", null, "chief-" + Guid.NewGuid().ToString("N"), channel.ServiceUrl);
        var reference = await chat.SubmitRequestAsync();

        await using var browser = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = "en-US" });
        var consolePage = await AdvisorConsolePage.SignInAsync(browser, fixture.Host.BaseAddress, Patience);
        var console = consolePage.Page;
        var row = console.Locator("#request-rows tr").Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("New", new() { Timeout = Patience });
        await row.GetByRole(AriaRole.Button, new() { Name = reference }).ClickAsync();

        await Assertions.Expect(console.Locator("#request-heading")).ToHaveTextAsync($"Request {reference}: Springfield Police Department",
            new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-fields")).ToContainTextAsync("Pat Rivera");
        var lopez = console.Locator("#suggestions li").First;
        await Assertions.Expect(lopez).ToContainTextAsync("Chief Ann Lopez, Chief of Police, Lakeside Police Department: led through a shooting; wellness; same state");

        await console.GetByRole(AriaRole.Button, new() { Name = "Start review" }).ClickAsync();
        await Assertions.Expect(console.Locator("#request-state")).ToContainTextAsync("In review", new() { Timeout = Patience });
        await console.GetByRole(AriaRole.Button, new() { Name = "Assign Chief Ann Lopez" }).ClickAsync();
        await Assertions.Expect(console.Locator("#request-status")).ToHaveTextAsync("Assigned. The requester has been told who will contact them.",
            new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-state")).ToContainTextAsync("Matched, peer advisor Chief Ann Lopez");
        var told = Assert.Single(await channel.WaitForTextsAsync(1));
        Assert.StartsWith($"An update on your request {reference}: the MVAI team has matched your agency with Chief Ann Lopez", told, StringComparison.Ordinal);

        await Assertions.Expect(console.Locator("#request-state")).ToContainTextAsync("First contact: not recorded yet.");
        await console.Locator("#contact-method").SelectOptionAsync("Phone");
        await console.Locator("#contact-by").SelectOptionAsync("PeerAdvisor");
        await console.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await Assertions.Expect(console.Locator("#request-status")).ToHaveTextAsync("Contact recorded.", new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-state")).ToContainTextAsync("by phone.", new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-history")).ToContainTextAsync("contacted the agency by alice (by phone, peer advisor Chief Ann Lopez)");

        await console.GetByLabel("Note for the team").FillAsync("Chief Lopez will call tonight.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(console.Locator("#request-history")).ToContainTextAsync("note by alice (Chief Lopez will call tonight.)",
            new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#request-history")).ToContainTextAsync("matched by alice (Chief Ann Lopez (lopez))");

        await console.Locator("#filter-status").SelectOptionAsync("Closed");
        await Assertions.Expect(console.Locator("#requests-status")).ToHaveTextAsync("No requests match.", new() { Timeout = Patience });
        await console.Locator("#filter-status").SelectOptionAsync("Matched");
        await Assertions.Expect(row).ToContainTextAsync("Matched (Chief Ann Lopez)", new() { Timeout = Patience });

        await console.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Assertions.Expect(console.Locator("#report-body")).ToContainTextAsync("By incident type", new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#report-body")).ToContainTextAsync("Submission to match");
        var download = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("reference,month,incident_type,state,agency_type,urgency,status,hours_to_first_contact,hours_to_match", csv, StringComparison.Ordinal);
        Assert.Contains($"{reference},", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Rivera", csv, StringComparison.Ordinal);

        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "advisor-request-desk.png"), FullPage = true });
        Assert.Empty(consolePage.CspViolations);
    }
}
