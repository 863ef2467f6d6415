using Mvai.Bot.Assistant;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>Asking for a person in a Teams personal chat, through the real Agents Playground (its own chat: a handoff changes what follows).</summary>
public sealed class PlaygroundHandoffTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    /// <summary>What the bot says when a person is asked for: the one line to change when the handoff reply changes.</summary>
    private const string HandoffReply = AssistantMessages.HandoffNoted;

    [Fact]
    public async Task TalkToAPerson_InThePersonalChat_IsHandedToAnAdvisor()
    {
        var reply = await fixture.Client.SayAsync(fixture.Client.PersonalChatId, "talk to a person", HandoffReply);

        Assert.Equal(fixture.Client.PersonalChatId, reply.ConversationId);
    }
}
