using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Answering;

/// <summary>
/// A question the guidance comes close to but does not answer: the user reads the closest guidance under a caveat that
/// says so and points to an advisor, and the editors find the question in the content-gap report.
/// </summary>
public sealed class CaveatedAnswerTests : IAsyncLifetime
{
    private const string UncoveredQuestion = "any advice on our union's grievance over forced overtime during the shooting";
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AChief_AsksWhatTheGuidanceDoesNotCover_ReadsTheCaveatFirst_AndTheEditorsSeeTheQuestion()
    {
        var chat = new Conversation(_host, channelId: Channels.Directline);

        var reply = (await chat.SayAsync(UncoveredQuestion)).First(a => a.Type == ActivityTypes.Message);

        Assert.StartsWith("_I may not have guidance on exactly what you asked.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("an MVAI peer advisor can answer the specifics._\n\n**", reply.Text, StringComparison.Ordinal);
        using var alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        var report = await alice.JsonAsync("/api/advisor/content-gaps?days=7");
        var row = report["topics"]!.AsArray().SelectMany(t => t!["questions"]!.AsArray()).Single(q => q!["question"]!.GetValue<string>() == UncoveredQuestion)!;
        Assert.Equal(["answered under a caveat: the guidance may not cover it"], row["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task AChief_AsksWhatTheGuidanceAnswers_GetsNoCaveat()
    {
        var reply = (await new Conversation(_host, channelId: Channels.Directline).SayAsync("what do i tell the press in the first hour")).First(a => a.Type == ActivityTypes.Message);

        Assert.StartsWith("**", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("may not have guidance", reply.Text, StringComparison.Ordinal);
    }
}
