using System.Net;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>
/// With <c>Handoff:ExternalHub</c> on, <c>handoff.initiate</c> goes to the channel as well as to the built-in hub. Sending
/// stamps an activity as the bot's (Direct Line sets its <c>from</c>), so the hub must get its own copy: the case is
/// the Web Chat user's, not "MVAI Assistant"'s.
/// </summary>
public sealed class ExternalHubHandoffTests
{
    [Fact]
    public async Task OverDirectLine_TheCase_IsNamedAfterTheUser_AndItsReferenceIsTheUsers()
    {
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning,
            HandoffScenario.WeekdayHours(new Dictionary<string, string?> { ["Handoff:ExternalHub"] = "true" }));
        var client = new DirectLineClient(scenario.Host);
        var (conversationId, token) = await client.GenerateAsync("user-webchat");

        var (status, _) = await client.PostMessageAsync(conversationId, token, "talk to a person");

        Assert.Equal(HttpStatusCode.OK, status);
        Mvai.Bot.Handoff.HandoffCase? handoff = null;
        await Eventually.TrueAsync(async () => (handoff = await scenario.Store.FindOpenAsync("directline", conversationId, default)) is not null,
            "the handoff case is opened");
        Assert.Equal(("user-webchat", "Chief Test"), (handoff!.UserId, handoff.UserName));
        Assert.Equal("user-webchat", handoff.ConversationReference.User?.Id);
        Assert.Equal(conversationId, handoff.ConversationReference.Conversation?.Id);
    }
}
