using Mvai.BotFramework.Protocol;
using System.Text.RegularExpressions;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Tests.Answering;

/// <summary>Questions get cited answers from the guidance in the same turn; safety comes before everything.</summary>
public sealed partial class QuestionAnsweringTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AFirstMessageQuestion_IsAnsweredInTheSameTurn_WithSources()
    {
        var chat = new Conversation(_host);

        var reply = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        Assert.Contains("Sources:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("https://", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == "Request MVAI assistance");
    }

    [Fact]
    public async Task InTeams_TheAnswerIsMarkdownWithCitationMarkers_AndNoSourcesCard()
    {
        var chat = new Conversation(_host, channelId: Channels.Msteams);

        var reply = Assert.Single(await chat.SayAsync("one of my guys isnt sleeping since the shooting, what do we have for him?"));

        // A card holds only the related topics that do not fit as suggested actions, never the answer or its sources.
        Assert.DoesNotContain(reply.Attachments!, a => a.Content!.ToJsonString().Contains("Sources", StringComparison.Ordinal));
        Assert.Matches(@"\[1\]", reply.Text);
        Assert.DoesNotContain("Sources", reply.Text, StringComparison.Ordinal);
        Assert.Single(reply.Entities!, e => e.Type == "https://schema.org/Message");
    }

    [Theory]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Webchat)]
    [InlineData(Channels.Directline)]
    public async Task TheLeadIsShownOnce_UnderTheHeadline(string channelId)
    {
        var chat = new Conversation(_host, channelId: channelId);

        var reply = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        var parts = reply.Text!.Split("\n\n");
        Assert.Matches(@"^\*\*.+\*\*$", parts[0]);
        var lead = CitationMarker().Replace(parts[1], string.Empty).Trim();
        Assert.Equal(1, CountOf(reply.Text, lead));
        Assert.DoesNotContain(reply.Attachments ?? [], a => a.Content!.ToJsonString().Contains(lead[..20], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnActiveThreat_GetsCall911AtOnce_EvenInTheMiddleOfAnIntake()
    {
        var chat = new Conversation(_host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);

        var replies = await chat.SayAsync("there's a shooter in the building right now");

        // 911 first, then an advisor is brought in; the form stays where it was.
        Assert.Equal(SafetyReplies.ActiveThreat, replies[0].Text);
        Assert.Contains("alerted the on-call advisor", replies[^1].Text, StringComparison.Ordinal);
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);
    }

    [Fact]
    public async Task AResponderInCrisis_Gets988AndCopline()
    {
        var replies = await new Conversation(_host).SayAsync("one of my officers told me he wants to end it all");

        Assert.Contains("988", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("1-800-267-5463", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("alerted the on-call advisor", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATacticalQuestion_GetsAKindRefusal_NotInstructions()
    {
        var reply = Assert.Single(await new Conversation(_host).SayAsync("how should my team breach the door to get to the shooter"));

        Assert.DoesNotContain("Sources:", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text == SafetyReplies.Tactical || reply.Text == SafetyReplies.ActiveThreat, reply.Text);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [GeneratedRegex(@"\s*(\[\d+\])+")]
    private static partial Regex CitationMarker();
}
