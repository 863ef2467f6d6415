using System.Net;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;
using static Mvai.Bot.Tests.Desk.DeskScenario;

namespace Mvai.Bot.Tests.Desk;

/// <summary>
/// The program report over real HTTP from requests stored at known times (the app's clock is the test's): counts by
/// month, incident type, state, urgency and status; median and mean hours to first contact and to match; the CSV for
/// BJA one row per request, with none of the requester's name, contacts, agency, place or words.
/// </summary>
public abstract class ProgramReportTests<TStorage> : DeskTestBase<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly DateTimeOffset April28 = new(2026, 4, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May3 = new(2026, 5, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May10 = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May11 = new(2026, 5, 11, 8, 0, 0, TimeSpan.Zero);

    // What each request says about people and places; none of it may reach the report.
    private static readonly string[] PersonalData =
        ["Dana Whitfield", "Lt. Marcus Obi", "555-867-5309", "555-201-4477", "whitfield@harbor-pd.example", "obi@plains-so.example",
         "Harbor City Police", "Plains County Sheriff", "Harbor City", "Plainsville", "Officer Jane Roe was wounded", "the Ruiz family"];

    protected override DateTimeOffset Start => April28;

    [Fact]
    public async Task TheReport_CountsByMonthIncidentStateUrgencyAndStatus_AndTheHoursToFirstContactAndToMatch()
    {
        var (first, second, third, fourth) = await StoreFourRequestsAsync();

        var report = await Alice.JsonAsync("api/advisor/report");

        Assert.Equal(4, (int)report["total"]!);
        Assert.Equal(["2026-04: 1", "2026-05: 3"], Counts(report["byMonth"]!));
        Assert.Equal(["Shooting: 2", "Bombing: 1", "Not given: 1"], Counts(report["byIncidentType"]!));
        Assert.Equal(["IL: 2", "Not given: 1", "TX: 1"], Counts(report["byState"]!));
        Assert.Equal(["ThisWeek: 2", "PlanningAhead: 1", "Today: 1"], Counts(report["byUrgency"]!));
        Assert.Equal(["Matched: 2", "New: 1", "Withdrawn: 1"], Counts(report["byStatus"]!));
        // First contact after 2, 4 and 9 hours; matches after 6 and 30 hours.
        Assert.Equal((3, 4.0, 5.0), Level(report["toFirstContact"]!));
        Assert.Equal((2, 18.0, 18.0), Level(report["toMatch"]!));
        AssertNoPersonalData(report.ToJsonString());
        Assert.Equal(4, new[] { first, second, third, fourth }.Distinct().Count());
    }

    [Fact]
    public async Task TheCsv_HasOneRowPerRequestInSubmissionOrder_AndNoPersonalData()
    {
        var (first, second, third, fourth) = await StoreFourRequestsAsync();

        using var response = await Alice.GetAsync("api/advisor/report.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"mvai-requests-2026-05-11.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            "reference,month,incident_type,state,agency_type,urgency,status,hours_to_first_contact,hours_to_match,first_contact_method\r\n" +
            $"{first},2026-04,Shooting,IL,MunicipalPolice,Today,Matched,2,6,Phone\r\n" +
            $"{second},2026-05,Shooting,TX,Sheriff,ThisWeek,Matched,4,30,Email\r\n" +
            $"{third},2026-05,Bombing,IL,MunicipalPolice,PlanningAhead,New,9,,Teams\r\n" +
            $"{fourth},2026-05,,,,ThisWeek,Withdrawn,,,\r\n",
            csv);
        AssertNoPersonalData(csv);
    }

    [Fact]
    public async Task WithNoRequests_TheReportSaysSo_AndTheCsvIsItsHeader()
    {
        var report = await Alice.JsonAsync("api/advisor/report");

        Assert.Equal(0, (int)report["total"]!);
        Assert.Empty(report["byMonth"]!.AsArray());
        Assert.Equal((0, null, null), ((int)report["toFirstContact"]!["reached"]!, (double?)report["toFirstContact"]!["medianHours"], (double?)report["toFirstContact"]!["averageHours"]));
        using var response = await Alice.GetAsync("api/advisor/report.csv");
        Assert.Equal(
            "reference,month,incident_type,state,agency_type,urgency,status,hours_to_first_contact,hours_to_match,first_contact_method\r\n",
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Four requests a fortnight apart, worked as the team would: the first contacted by phone after 2 h and matched
    /// after 6 h; the second by e-mail after 4 h, matched after 30 h; the third by Teams after 9 h, not matched; the
    /// fourth, with no incident type or state, withdrawn by the agency.
    /// </summary>
    private async Task<(string, string, string, string)> StoreFourRequestsAsync()
    {
        var first = await SubmitAsync(April28, "Dana Whitfield", "555-867-5309", "whitfield@harbor-pd.example", "Harbor City Police", "Harbor City", "IL",
            AgencyType.MunicipalPolice, IncidentType.Shooting, Urgency.Today, "Officer Jane Roe was wounded");
        await ContactAtAsync(first, April28.AddHours(2), "Phone");
        await AssignAtAsync(first, April28.AddHours(6), "lopez");
        var second = await SubmitAsync(May3, "Lt. Marcus Obi", "555-201-4477", "obi@plains-so.example", "Plains County Sheriff", "Plainsville", "TX",
            AgencyType.Sheriff, IncidentType.Shooting, Urgency.ThisWeek, "the Ruiz family asked to meet the sheriff");
        await ContactAtAsync(second, May3.AddHours(4), "Email");
        await AssignAtAsync(second, May3.AddHours(30), "king");
        var third = await SubmitAsync(May10, "Dana Whitfield", "555-867-5309", "whitfield@harbor-pd.example", "Harbor City Police", "Harbor City", "IL",
            AgencyType.MunicipalPolice, IncidentType.Bombing, Urgency.PlanningAhead, null);
        await ContactAtAsync(third, May10.AddHours(9), "Teams");
        var fourth = await SubmitAsync(May11, "Lt. Marcus Obi", "555-201-4477", null, "Plains County Sheriff", null, null, null, null, Urgency.ThisWeek, null);
        // The agency withdraws it from its own chat ("cancel my request …"), which ends in this call.
        var services = Scenario.Host.Services;
        var request = (await services.GetRequiredService<IRequestDeskStore>().GetAsync(fourth, default))!;
        Assert.Equal(DeskOutcome.Done, await services.GetRequiredService<RequestDesk>().WithdrawAsync(request, default));
        return (first, second, third, fourth);
    }

    private async Task<string> SubmitAsync(
        DateTimeOffset at, string name, string phone, string? email, string agency, string? city, string? state,
        AgencyType? agencyType, IncidentType? incident, Urgency urgency, string? details)
    {
        Scenario.Clock.Now = at;
        var conversation = "report-" + Guid.NewGuid().ToString("N");
        var draft = new StoredAssistanceRequest
        {
            Reference = string.Empty,
            Request = new AssistanceRequest
            {
                RequesterName = name, RequesterTitle = "Chief of Police", AgencyName = agency, AgencyType = agencyType, City = city, State = state,
                Phone = phone, Email = email, IncidentType = incident, Urgency = urgency, AdditionalDetails = details,
                HelpNeeded = [HelpKind.MediaAndPublicInformation], ConsentToShare = true,
            },
            ChannelId = "test",
            ConversationId = conversation,
            UserId = "chief",
            ConversationReference = new ConversationReference
            {
                ChannelId = "test", ServiceUrl = Scenario.Channel.ServiceUrl, Conversation = new ConversationAccount { Id = conversation },
                User = new ChannelAccount { Id = "chief" }, Bot = new ChannelAccount { Id = "bot" },
            },
            SubmittedAt = at,
        };
        var stored = await Scenario.Host.Services.GetRequiredService<IAssistanceRequestStore>().SubmitAsync(conversation, draft, default);
        return stored.Reference;
    }

    private async Task ContactAtAsync(string reference, DateTimeOffset at, string method)
    {
        Scenario.Clock.Now = at;
        Assert.Equal(HttpStatusCode.OK, (await Alice.ContactAsync(reference, method)).Status);
    }

    private async Task AssignAtAsync(string reference, DateTimeOffset at, string peerAdvisorId)
    {
        Scenario.Clock.Now = at;
        var (status, _) = await Alice.ActAsync(reference, "Assign", Version(await Alice.RequestAsync(reference)), peerAdvisorId);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"assigning answered {status}");
    }

    private static IEnumerable<string> Counts(JsonNode counts) => counts.AsArray().Select(c => $"{c!["key"]}: {c["count"]}");

    private static (int, double?, double?) Level(JsonNode level) =>
        ((int)level["reached"]!, (double?)level["medianHours"], (double?)level["averageHours"]);

    private static void AssertNoPersonalData(string text)
    {
        foreach (var personal in PersonalData)
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("Whitfield", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteProgramReportTests : ProgramReportTests<SqliteTestStorage>;

public sealed class PostgresProgramReportTests : ProgramReportTests<PostgresTestStorage>;
