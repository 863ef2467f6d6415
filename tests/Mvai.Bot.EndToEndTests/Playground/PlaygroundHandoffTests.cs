using Mvai.Bot.Handoff;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>Asking for a person in a Teams personal chat, through the real Agents Playground (its own chat: a handoff changes what follows).</summary>
public sealed class PlaygroundHandoffTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task TalkToAPerson_InThePersonalChat_IsHandedToAnAdvisor_WithTheAfterHoursTriage()
    {
        // Test hosts close the advisor desk, so the handoff takes the after-hours path: a few questions, then on-call.
        var reply = await fixture.Client.SayAsync(fixture.Client.PersonalChatId, "talk to a person", TriageDialog.AskDanger);

        Assert.Equal(fixture.Client.PersonalChatId, reply.ConversationId);
        var handoff = await fixture.Host.Services.GetRequiredService<IHandoffStore>().FindOpenAsync("msteams", reply.ConversationId!, default);
        Assert.Equal(HandoffReason.UserAsked, handoff!.Reason);
    }
}
