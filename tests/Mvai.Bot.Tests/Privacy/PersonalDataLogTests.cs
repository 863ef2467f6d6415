using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Privacy;

/// <summary>
/// Everything a chief, an advisor and Web Chat do in one run of the real app, with the log levels production uses
/// (appsettings.json's), and not one name, phone, email or sentence anyone wrote in the logs.
/// </summary>
public sealed class PersonalDataLogTests : IAsyncLifetime
{
    private const string Name = "Zebulon Quackenbush";
    private const string Agency = "Quillfeather County Sheriff's Office";
    private const string Phone = "555-274-8391";
    private const string Email = "zquackenbush@quillfeather-so.gov";
    private const string EventDescription = "A gunman opened fire at the Marigold Lantern Festival near the bandstand";
    private const string Question = "How should we brief reporters about the Marigold Lantern Festival shooting?";
    private const string Crisis = "Since the Periwinkle Bridge call I want to end my life";
    private const string UserToAdvisor = "Tamarack Hall is where the families are gathering";
    private const string AdvisorReply = "Zebulon, I will call you at 555-274-8391 about Tamarack Hall";
    private const string CloseNote = "Agreed a plan for the Oleander vigil with Zebulon";
    private const string WebChatText = "Our chaplain Ignatius Featherstonehaugh needs support";
    private const string ThrowingAnswer = "Wolfsbane Street precinct";
    private const string FailingHandoffConversation = "conv-failing-handoff";

    /// <summary>Pieces that must never appear in a log, in any format the app might write them in.</summary>
    private static readonly string[] Forbidden =
    [
        "Zebulon", "Quackenbush", "Quillfeather", "274-8391", "2748391", "zquackenbush", "Marigold", "bandstand", "Periwinkle",
        "end my life", "Tamarack", "Oleander", "Ignatius", "Featherstonehaugh", "chaplain", "Wolfsbane", "Chief Test",
    ];

    private readonly EveryLogRecord _logs = new();
    private BotTestHost _host = null!;
    private ChannelConnectorServer _channel = null!;
    private LoopbackServer _brokenConnector = null!;
    private AdvisorClient _alice = null!;

    public async Task InitializeAsync()
    {
        _channel = await ChannelConnectorServer.StartAsync();
        _brokenConnector = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync($"{{\"error\":\"could not post {Name}'s message\"}}");
        }));
        // Production's levels: appsettings.json says Information by default (the test host otherwise turns it down).
        _host = await BotTestHost.StartAsync(
            TestAdvisors.OnDuty(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" }),
            configure: builder =>
            {
                builder.Logging.AddProvider(_logs);
                builder.Services.AddBotMiddleware(pipeline => pipeline.UseFirst(
                    new ParseTextMiddleware(ThrowingAnswer), new FailOnEventsMiddleware(FailingHandoffConversation)));
            });
        _alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
    }

    public async Task DisposeAsync()
    {
        _alice.Dispose();
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await _brokenConnector.DisposeAsync();
    }

    [Fact]
    public async Task IntakeHandoffAnswersCrisisFailuresWebChatExportAndDelete_LeaveNoPersonalDataInTheLogs()
    {
        await IntakeThenHandoffWithAnAdvisorAsync();
        await AskAndConfideAsync();
        await FailAsync();
        await ChatOverDirectLineAsync();

        Assert.Contains(_logs.Records, r => r.Contains("Handoff", StringComparison.Ordinal) && r.Contains("claimed", StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains("deleted by an advisor", StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains("Turn failed", StringComparison.Ordinal) && r.Contains("FormatException", StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains("Turn failed", StringComparison.Ordinal) && r.Contains("ConnectorException", StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains("unhandled exception", StringComparison.Ordinal) && r.Contains("FormatException", StringComparison.Ordinal));
        var leaks = Forbidden.SelectMany(value => _logs.Containing(value).Select(record => $"{value}: {record}")).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join("\n", leaks));
    }

    private async Task IntakeThenHandoffWithAnAdvisorAsync()
    {
        var chat = new Conversation(_host, serviceUrl: _channel.ServiceUrl);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.ExpectAsync(Name, IntakeMessages.AskTitle);
        await chat.ExpectAsync("Sheriff", IntakeMessages.AskAgency);
        await chat.ExpectAsync(Agency, IntakeMessages.AskAgencyType);
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskAgencyType), until: IntakeScript.IndexOf(IntakeMessages.AskPhone));
        await chat.ExpectAsync(Phone, IntakeMessages.AskEmail);
        await chat.ExpectAsync(Email, IntakeMessages.AskContactMethod);
        await chat.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskContactMethod), until: IntakeScript.IndexOf(IntakeMessages.AskDetails));
        await chat.ExpectAsync(EventDescription, IntakeMessages.AskConsent);
        await chat.ExpectAsync("yes", IntakeMessages.AskSummaryAction);
        var reference = await chat.ConfirmAsync();
        await chat.SayAsync("yes");

        var caseId = (string)(await _alice.QueueAsync())[0]!["id"]!;
        using (await _alice.PostAsync($"api/advisor/cases/{caseId}/claim"))
        {
        }
        using (await _alice.PostAsync($"api/advisor/cases/{caseId}/messages", new { text = AdvisorReply }))
        {
        }
        await chat.SayAsync(UserToAdvisor);
        using (await _alice.PostAsync($"api/advisor/cases/{caseId}/close", new { note = CloseNote }))
        {
        }
        var texts = await _channel.WaitForTextsAsync(3);
        Assert.Contains(HandoffMessages.FromAdvisor(TestAdvisors.AliceName, AdvisorReply), texts);
        await Eventually.TrueAsync(() => Task.FromResult(_channel.Texts().Contains(HandoffMessages.AdvisorEnded)), "the user to hear the advisor left");

        using var export = await _alice.GetAsync($"api/advisor/requests/{reference}/export");
        Assert.Contains(Email, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var deleted = await _alice.Http.DeleteAsync($"api/advisor/requests/{reference}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    private async Task AskAndConfideAsync()
    {
        var chat = new Conversation(_host, userId: "user-2");
        Assert.NotEmpty(await chat.SayAsync(Question));
        var crisis = await chat.SayAsync(Crisis);
        Assert.Contains(crisis, reply => reply.Text?.Contains("988", StringComparison.Ordinal) == true);
    }

    /// <summary>A turn whose code throws with the user's text in the exception's message, and a Connector that fails.</summary>
    private async Task FailAsync()
    {
        var chat = new Conversation(_host, userId: "user-3");
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        Assert.Equal(HostingMessages.TurnErrorApology, (await chat.SayAsync(ThrowingAnswer))[^1].Text);

        var unreachable = new Conversation(_host, userId: "user-4", serviceUrl: _brokenConnector.BaseAddress.ToString());
        var message = unreachable.NewActivity(ActivityTypes.Message);
        message.Text = $"{Name} here, {Phone}";
        using var response = await _host.PostActivityAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A bug in the turn an advisor's claim starts: nothing catches it before the endpoint.
        var handoff = new Conversation(_host, conversationId: FailingHandoffConversation, userId: "user-5", serviceUrl: _channel.ServiceUrl);
        await handoff.SayAsync("talk to an advisor");
        var caseId = (await _host.Services.GetRequiredService<IHandoffStore>().FindOpenAsync("test", FailingHandoffConversation, default))!.Id;
        using var claim = await _alice.PostAsync($"api/advisor/cases/{caseId}/claim");
        Assert.Equal(HttpStatusCode.InternalServerError, claim.StatusCode);
    }

    private async Task ChatOverDirectLineAsync()
    {
        var directLine = new DirectLineClient(_host);
        var (conversationId, token) = await directLine.GenerateAsync("dl-user");
        var (status, _) = await directLine.PostMessageAsync(conversationId, token, WebChatText);
        Assert.Equal(HttpStatusCode.OK, status);
        await Eventually.TrueAsync(async () =>
        {
            var (_, body) = await directLine.GetActivitiesAsync(conversationId, token);
            return body.GetProperty("activities").EnumerateArray().Any(a => a.GetProperty("from").GetProperty("id").GetString() != "dl-user"
                && a.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String);
        }, "the bot to answer over Direct Line");
    }

    /// <summary>Throws on the events of one conversation (the bot's proactive turns), with personal data in the message.</summary>
    private sealed class FailOnEventsMiddleware(string conversationId) : IBotMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken) =>
            turnContext.Activity.IsType(ActivityTypes.Event) && turnContext.Activity.Conversation?.Id == conversationId
                ? throw new FormatException($"The input string '{Name}, {Phone}' was not in a correct format.")
                : next(cancellationToken);
    }

    /// <summary>Stands in for a validator that parses the answer carelessly: int.Parse puts the input in its message.</summary>
    private sealed class ParseTextMiddleware(string text) : IBotMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text == text)
            {
                _ = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            }
            return next(cancellationToken);
        }
    }
}
