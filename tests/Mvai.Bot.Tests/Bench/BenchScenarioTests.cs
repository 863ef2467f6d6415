using Mvai.Bench;
using Mvai.Bench.LoadClient;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Bench;

/// <summary>
/// Each of the bench's conversations run once by the bench's own client against the real app, configured as the bench
/// configures it: every turn must get the answer its script expects (a refused answer its retry, the relayed message
/// silence, the last intake turn its reference), or the figures would measure a conversation gone astray.
/// </summary>
public sealed class BenchScenarioTests
{
    [Theory]
    [InlineData("intake")]
    [InlineData("mix")]
    [InlineData("realistic")]
    [InlineData("guidance")]
    [InlineData("handoff")]
    public async Task Scenario_RunByTheBenchClient_GetsEveryExpectedAnswer(string name)
    {
        var scenario = ConversationScript.Named(name);
        var options = BenchOptions.Parse(["--scenario", name]);
        var database = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");
        await using var host = await BotTestHost.StartAsync(BenchAppSettings.Create(options, database, BenchAppSettings.HashAdvisorSecret()), database);
        await using var sink = await ConnectorSink.StartAsync();
        using var advisor = new Mvai.Bench.LoadClient.AdvisorClient(host.BaseAddress, BenchAppSettings.AdvisorSecret);
        var recorder = new LatencyRecorder { Recording = true };

        await using (new LoadWorkers(host.BaseAddress, scenario, conversations: 1, recorder, sink.ServiceUrl, advisor))
        {
            await WaitUntilAsync(() => recorder.Completed >= scenario.Turns.Count || recorder.Errors > 0);
        }

        Assert.True(recorder.Errors == 0, recorder.ErrorSummary);
        Assert.Equal(Enumerable.Range(0, scenario.Turns.Count), recorder.SortedByStep().Keys.Order().Take(scenario.Turns.Count));
        // The advisor's claim and replies reached the user's channel (the sink), none was left "not delivered".
        Assert.Equal(scenario.NeedsAdvisor, sink.Received > 0);
    }

    [Fact]
    public async Task GuidanceQuestions_InEveryOpeningAndClosing_AreAnsweredWithCitations()
    {
        var scenario = Scenarios.Guidance;
        var options = BenchOptions.Parse(["--scenario", "guidance"]);
        var database = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");
        await using var host = await BotTestHost.StartAsync(BenchAppSettings.Create(options, database, BenchAppSettings.HashAdvisorSecret()), database);
        var recorder = new LatencyRecorder { Recording = true };

        // One worker's first twelve conversations say each line with each of the twelve openings and twelve closings.
        await using (new LoadWorkers(host.BaseAddress, scenario, conversations: 1, recorder, BenchActivityWriter.NoConnector, advisor: null))
        {
            await WaitUntilAsync(() => recorder.Completed >= 12 * scenario.Turns.Count || recorder.Errors > 0);
        }

        Assert.True(recorder.Errors == 0, recorder.ErrorSummary);
        var question = scenario.Turns[1];
        Assert.Equal(144, Enumerable.Range(0, 144).Select(question.TextFor).Distinct().Count());
    }

    [Fact]
    public void RealisticIntake_IsTheIssuesShape()
    {
        var turns = Scenarios.Realistic.Turns;

        // A free-text first message with the incident, a typo and a date phrase the prefill reads; refused answers
        // retried; a question in the middle of the form; the summary card's button last.
        Assert.Contains("sherrifs", turns[1].Text, StringComparison.Ordinal);
        Assert.Contains("last saturday nite", turns[1].Text, StringComparison.Ordinal);
        Assert.Equal(3, turns.Count(t => t.Expect is "I need a city" or "like a US phone number" or "look like an email address"));
        Assert.Contains(turns, t => t.Text.EndsWith('?') && t.Expect == "family assistance center");
        Assert.Equal(TurnKind.CardSubmit, turns[^1].Kind);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var limit = DateTime.UtcNow.AddSeconds(60);
        while (!done() && DateTime.UtcNow < limit)
        {
            await Task.Delay(20);
        }
    }
}
