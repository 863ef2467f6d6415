using System.Globalization;
using System.Text.Json.Nodes;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>
/// The first message read by a chat model through the real Semantic Kernel OpenAI connector, against a loopback
/// server speaking the chat-completions wire format: what it reads is used, what fails validation is asked, and
/// when the model fails the rules still prefill.
/// </summary>
public sealed class ModelPrefillTests
{
    private const string ChiefRuiz = "This is Chief Dana Ruiz of the Aurora PD in Colorado. We had a shooting at the theater last night and we need MVAI support.";
    private const string SpringfieldShooting = "We had a shooting last night in Springfield, IL and we need MVAI support. Springfield Police Department here.";

    private static readonly string Yesterday = DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ModelAnswer_FillsNameTitleAndPlace_AndThoseQuestionsAreSkipped()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelReply(
            name: "Dana Ruiz", title: "Chief", agency: "Aurora Police Department", agencyType: "MunicipalPolice",
            city: "Aurora", state: "CO", incident: "Stabbing", date: Yesterday));
        var logs = new CapturedLogs();
        await using var host = await StartAsync(model, TimeSpan.FromSeconds(10), logs);
        var chat = new Conversation(host);

        var opening = await chat.ExpectAsync(ChiefRuiz, IntakeMessages.AskPhone);
        Assert.Equal(IntakeMessages.Start, opening[0].Text);
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskPhone), until: IntakeScript.IndexOf(IntakeMessages.AskContactMethod));
        await chat.ExpectAsync("Phone", IntakeMessages.AskSceneActive);
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskSceneActive));
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        var stored = (await host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Find(received[^1].Text)!, default))!.Request;
        Assert.Equal(("Dana Ruiz", "Chief"), (stored.RequesterName, stored.RequesterTitle));
        // "Aurora Police Department" is not what was typed, so it is dropped; the rules read "Aurora PD".
        Assert.Equal(("Aurora PD", AgencyType.MunicipalPolice), (stored.AgencyName, stored.AgencyType));
        // The rules found "shooting" in the message; they win over the model's (valid but conflicting) "Stabbing".
        Assert.Equal(("Aurora", "CO", IncidentType.Shooting), (stored.City, stored.State, stored.IncidentType));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now.AddDays(-1)), stored.IncidentDate);
        Assert.Contains(logs.Lines, line => line.Contains("Model prefill read", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Ruiz", StringComparison.Ordinal) || line.Contains("theater", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestToTheModel_CarriesTheMessage_AndAsksForAStrictJsonObject()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelReply());
        await using var host = await StartAsync(model, TimeSpan.FromSeconds(10));

        await new Conversation(host).ExpectAsync(ChiefRuiz, IntakeMessages.AskName);

        var sent = JsonNode.Parse(Assert.Single(model.Requests))!;
        Assert.Equal("test-model", sent["model"]!.GetValue<string>());
        var messages = sent["messages"]!.AsArray();
        Assert.Equal(ChiefRuiz, messages[^1]!["content"]!.GetValue<string>());
        Assert.Equal("user", messages[^1]!["role"]!.GetValue<string>());
        var format = sent["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        var properties = format["json_schema"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(["agencyName", "agencyType", "city", "incidentDate", "incidentType", "requesterName", "requesterTitle", "state"], properties);
    }

    [Fact]
    public async Task InvalidOrInventedModelValues_AreDropped_AndEveryQuestionIsAsked()
    {
        var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var model = await FakeOpenAIServer.StartAsync(ModelReply(
            name: "Xavier Quill", title: "Sheriff", agency: "Narnia Police", agencyType: "Spaceship",
            city: "Springfield", state: "Narnia", incident: "Alien invasion", date: tomorrow));
        var logs = new CapturedLogs();
        await using var host = await StartAsync(model, TimeSpan.FromSeconds(10), logs);
        var chat = new Conversation(host);

        await chat.ExpectAsync("We need MVAI help, Springfield has had a terrible week.", IntakeMessages.AskName);
        await chat.AnswerAsync();

        Assert.Single(model.Requests);
        Assert.Contains(logs.Lines, line => line.Contains("read 0 field(s) and rejected 7 invalid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("error 500", 500, 0, null)]
    [InlineData("prose instead of JSON", 200, 0, null)]
    [InlineData("a body that is not the wire format", 200, 0, "<html>502 Bad Gateway</html>")]
    [InlineData("slower than the timeout", 200, 30, null)]
    public async Task FailingModel_FallsBackSilently_ToTheRulesPrefill(string failure, int status, int delaySeconds, string? rawBody)
    {
        Assert.NotEmpty(failure);
        await using var model = await FakeOpenAIServer.StartAsync("Sure! It sounds like a shooting in Springfield.", status, TimeSpan.FromSeconds(delaySeconds), rawBody);
        var logs = new CapturedLogs();
        await using var host = await StartAsync(model, TimeSpan.FromSeconds(1), logs);
        var chat = new Conversation(host);

        var started = TimeProvider.System.GetTimestamp();
        var opening = await chat.ExpectAsync(SpringfieldShooting, IntakeMessages.AskName);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(8), "The first reply waited for the model");
        Assert.Equal([IntakeMessages.Start, IntakeMessages.AskName], opening.Select(a => a.Text));
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);
        // Agency, agency type and location came from the rules.
        await chat.ExpectAsync("Chief", IntakeMessages.AskPhone);
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskPhone), until: IntakeScript.IndexOf(IntakeMessages.AskContactMethod));
        // Incident type and date came from the rules.
        await chat.ExpectAsync("Phone", IntakeMessages.AskSceneActive);

        Assert.NotEmpty(model.Requests);
        Assert.Contains(logs.Lines, line => line.Contains("Model prefill unavailable", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Springfield", StringComparison.Ordinal));
    }

    private static Task<BotTestHost> StartAsync(FakeOpenAIServer model, TimeSpan timeout, CapturedLogs? logs = null) =>
        BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.AbsoluteUri,
                ["Knowledge:OpenAI:ApiKey"] = "test-key",
                ["Knowledge:OpenAI:ChatModel"] = "test-model",
                ["Intake:Prefill:ModelTimeout"] = timeout.ToString("c", CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Information",
            },
            configure: builder =>
            {
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }
            });

    private static string ModelReply(
        string? name = null, string? title = null, string? agency = null, string? agencyType = null,
        string? city = null, string? state = null, string? incident = null, string? date = null) => new JsonObject
        {
            ["requesterName"] = name, ["requesterTitle"] = title, ["agencyName"] = agency, ["agencyType"] = agencyType,
            ["city"] = city, ["state"] = state, ["incidentType"] = incident, ["incidentDate"] = date,
        }.ToJsonString();
}
