using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Answering;

/// <summary>
/// The guidance editors' content-gap report in the advisor console API: questions answered with low confidence,
/// answers given a thumbs down, and questions after which the user asked for a person, grouped by topic with the
/// passages used; a thumbs up is no gap. As JSON and as a CSV download a spreadsheet cannot be tricked by.
/// </summary>
public sealed class ContentGapReportTests : IAsyncLifetime
{
    private const string PressQuestion = "what do i tell the press in the first hour";
    private const string ParkingQuestion = "how many parking spaces does the new precinct need";

    // Answered with low confidence when retrieval is lexical only (this host's setting: the dense model answers nearly anything).
    private const string RecruitingQuestion = "how do we recruit more dispatchers";
    private const string WellnessQuestion = "what wellness support should our officers get in the first week after the shooting";
    private BotTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty(new Dictionary<string, string?> { ["Knowledge:Embeddings:Enabled"] = "false" }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DislikedLowConfidenceAndHandedOffQuestions_AreListedByTopic_WithTheirPassages_AndALikedOneIsNot()
    {
        await RateAsync(PressQuestion, "DislikeAction");
        await RateAsync("how do we pay for all the overtime after the shooting", "LikeAction");
        await new Conversation(_host, channelId: Channels.Directline).SayAsync(ParkingQuestion);
        await new Conversation(_host, channelId: Channels.Directline).SayAsync(RecruitingQuestion);
        var handedOff = new Conversation(_host, channelId: Channels.Directline);
        await handedOff.SayAsync(WellnessQuestion);
        await handedOff.SayAsync("Talk to an advisor");
        using var alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        var report = await alice.JsonAsync("/api/advisor/content-gaps?days=7");

        var rows = report["topics"]!.AsArray().SelectMany(t => t!["questions"]!.AsArray().Select(q => (Topic: t["topic"]!.GetValue<string>(), Row: q!))).ToList();
        Assert.Equal(4, rows.Count);
        var press = rows.Single(r => Str(r.Row, "question") == PressQuestion);
        Assert.Equal("media", press.Topic);
        Assert.Equal(["disliked"], Reasons(press.Row));
        Assert.NotEmpty(press.Row["passages"]!.AsArray().Select(p => Str(p!, "heading")));
        var parking = rows.Single(r => Str(r.Row, "question") == ParkingQuestion);
        Assert.Equal("Not covered", parking.Topic);
        Assert.Equal(["refused as out of scope"], Reasons(parking.Row));
        var recruiting = rows.Single(r => Str(r.Row, "question") == RecruitingQuestion);
        Assert.Equal("Not covered", recruiting.Topic);
        Assert.Equal(["low confidence"], Reasons(recruiting.Row));
        var wellness = rows.Single(r => Str(r.Row, "question") == WellnessQuestion);
        Assert.Equal(["handoff"], Reasons(wellness.Row));
        Assert.NotEqual("Not covered", wellness.Topic);
    }

    [Fact]
    public async Task TheCsvDownload_HasOneRowPerQuestion_QuotesCommas_AndDefusesFormulas()
    {
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\") how many parking spaces, for the new precinct";
        await new Conversation(_host, channelId: Channels.Directline).SayAsync(Formula);
        using var alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        using var response = await alice.GetAsync("/api/advisor/content-gaps.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("topic,answered_at,question,reasons", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") how many parking spaces, for the new precinct\",", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("week")]
    public async Task ABadPeriod_Gets400(string days)
    {
        using var alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);

        using var response = await alice.GetAsync($"/api/advisor/content-gaps?days={days}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAdvisor_TheReportIsRefused()
    {
        using var anonymous = await _host.Client.GetAsync("/api/advisor/content-gaps.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task RateAsync(string question, string thumb)
    {
        var chat = new Conversation(_host, channelId: Channels.Directline);
        var answer = Assert.Single(await chat.SayAsync(question));
        var action = NativeCitationTests.MessageEntity(answer).GetProperty("potentialAction").EnumerateArray().Single(a => a.GetProperty("@type").GetString() == thumb);
        var feedback = chat.NewActivity(ActivityTypes.Event);
        feedback.Name = FeedbackPayloads.WebChatEventName;
        feedback.Entities = [new Entity { Properties = action.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) }];
        await chat.SendAsync(feedback);
    }

    private static string[] Reasons(JsonNode row) => [.. row["reasons"]!.AsArray().Select(r => r!.GetValue<string>())];

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();
}
