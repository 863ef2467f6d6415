using System.Text.Json.Nodes;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>A whole request for assistance in a Teams personal chat, through the real Agents Playground (its own chat, so nothing else interleaves).</summary>
public sealed class PlaygroundIntakeTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    private PlaygroundClient Teams => fixture.Client;

    [Fact]
    public async Task FullIntake_ConfirmedWithTheSummaryCardsButton_IsReceivedWithAReference()
    {
        var chat = Teams.PersonalChatId;
        await Teams.SayAsync(chat, "We need MVAI help", IntakeMessages.AskName);
        foreach (var (answer, next) in IntakeScript.FullIntake)
        {
            await Teams.SayAsync(chat, answer, next);
        }
        var summary = Teams.Received.Last(m => m.Card(AdaptiveCard)?["actions"] is not null);
        var before = Teams.Received.Count;

        // Pressing Confirm on the summary card: an Action.Submit carrying the button's data.
        await Teams.SubmitAsync(chat, summary.Id, new JsonObject { [IntakeSummary.ActionKey] = IntakeMessages.Confirm });

        var received = await Teams.WaitForAsync(before, m => m.Said.StartsWith("Your request has been received", StringComparison.Ordinal), "the confirmation");
        Assert.Matches(@"MVAI-\d{4}-\d{4}", received.Text);
    }
}
