using System.Text.Json.Nodes;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>
/// The prompt starters the Teams manifest offers in personal chats, sent as Teams sends them (their prompt text as a
/// message): each does what its title promises.
/// </summary>
public sealed class PromptStarterTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(TestAdvisors.OnDuty());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Prompts()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "manifests", "teams", "manifest.json")))!;
        var personal = manifest["bots"]![0]!["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "personal"))!;
        return [.. personal["commands"]!.AsArray().Where(c => (string?)c!["type"] == "prompt").Select(c => (string)c!["prompt"]!)];
    }

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task EachPromptStarter_GetsWhatItsTitlePromises(string prompt)
    {
        var replies = await new TeamsChat(_host).SayAsync(prompt);

        var said = string.Join("\n", replies.Select(r => r.Text));
        switch (prompt)
        {
            case "Request MVAI assistance":
                Assert.Contains(IntakeMessages.AskName, said, StringComparison.Ordinal);
                break;
            case "Talk to an advisor":
                Assert.Contains("I'm connecting you with an MVAI advisor.", said, StringComparison.Ordinal);
                break;
            default:
                // A guidance answer with its citations, not a refusal or the offer of a person.
                var answer = Assert.Single(replies);
                Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
                Assert.Single(answer.Entities!, e => e.Type == "https://schema.org/Message");
                Assert.DoesNotContain(HandoffMessages.OfferAfterLowConfidence, said, StringComparison.Ordinal);
                break;
        }
    }
}
