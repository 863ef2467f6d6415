using System.Text.Json;
using System.Text.RegularExpressions;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Teams;

namespace Mvai.Bot.Tests.Answering;

/// <summary>
/// Each guidance answer carries its sources the way its channel shows them: Teams' and Web Chat's citation pop-ups
/// (one schema.org Message entity whose Claims match the text's [n] markers), numbered sources in plain text elsewhere.
/// </summary>
public sealed partial class NativeCitationTests : IAsyncLifetime
{
    private const string Question = "what do i tell the press in the first hour";
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task InTeams_EveryMarkerHasACitation_InTheShapeTeamsAccepts_WithTheThumbs_AndNoAiLabelOnQuotedGuidance()
    {
        var reply = Assert.Single(await new TeamsChat(_host).SayAsync(Question));

        var message = MessageEntity(reply);
        Assert.Equal(("Message", "https://schema.org", ""), (Str(message, "@type"), Str(message, "@context"), Str(message, "@id")));
        Assert.False(message.TryGetProperty("additionalType", out _));
        var citations = message.GetProperty("citation").EnumerateArray().ToList();
        Assert.InRange(citations.Count, 1, 10);
        Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(Enumerable.Range(1, citations.Count), Markers(reply.Text!));
        foreach (var appearance in citations.Select(c => c.GetProperty("appearance")))
        {
            Assert.Equal("DigitalDocument", Str(appearance, "@type"));
            Assert.InRange(Str(appearance, "name").Length, 1, 80);
            Assert.InRange(Str(appearance, "abstract").Length, 1, 160);
            Assert.StartsWith("https://", Str(appearance, "url"), StringComparison.Ordinal);
            Assert.InRange(appearance.GetProperty("keywords").GetArrayLength(), 0, 3);
        }
        Assert.Equal("default", reply.ChannelData!["feedbackLoop"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task InWebChat_MarkersHaveReferenceDefinitions_CitationsOpenAPopUpWithTheSourceLink_AndTheThumbsNameTheAnswer()
    {
        var reply = Assert.Single(await new Conversation(_host, channelId: Channels.Directline).SayAsync(Question));

        var message = MessageEntity(reply);
        var citations = message.GetProperty("citation").EnumerateArray().ToList();
        var definitions = Definition().Matches(reply.Text!).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(citations.Select(c => c.GetProperty("position").GetInt32()), definitions);
        var body = reply.Text![..reply.Text!.IndexOf("\n[1]: ", StringComparison.Ordinal)];
        Assert.Equal(Enumerable.Range(1, citations.Count), Markers(body));
        foreach (var appearance in citations.Select(c => c.GetProperty("appearance")))
        {
            // No url: Web Chat then opens its pop-up (the text, ending with the link) instead of leaving the page.
            Assert.False(appearance.TryGetProperty("url", out _));
            Assert.Matches(@"\]\(https://[^)]+\)$", Str(appearance, "text"));
        }
        var thumbs = message.GetProperty("potentialAction").EnumerateArray().ToList();
        Assert.Equal(["LikeAction", "DislikeAction"], thumbs.Select(t => Str(t, "@type")));
        Assert.Matches("^urn:mvai:answer:[0-9a-f]{32}:like$", Str(thumbs[0], "@id"));
        Assert.Null(reply.ChannelData);
    }

    [Fact]
    public async Task OnOtherChannels_TheSourcesAreNumberedInTheText_AndNoEntityIsSent()
    {
        var reply = Assert.Single(await new Conversation(_host, channelId: "sms").SayAsync(Question));

        Assert.Null(reply.Entities);
        var lines = reply.Text!.Split('\n');
        var sources = lines.SkipWhile(l => l != "Sources:").Skip(1).TakeWhile(l => l.StartsWith('[')).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, (line, i) => Assert.Matches($@"^\[{i + 1}\] .+ \(https://[^)]+\)$", line));
        Assert.Equal(Enumerable.Range(1, sources.Count), Markers(string.Join('\n', lines.TakeWhile(l => l != "Sources:"))));
    }

    [Fact]
    public async Task ASafetyReply_CarriesNoCitationsAndNoThumbs()
    {
        var reply = Assert.Single(await new TeamsChat(_host).SayAsync("how should my team breach the door to get to the shooter"));

        Assert.Null(reply.Entities);
        Assert.Null(reply.ChannelData?["feedbackLoop"]);
    }

    internal static JsonElement MessageEntity(Activity reply)
    {
        var entity = Assert.Single(reply.Entities!, e => e.Type == "https://schema.org/Message");
        return JsonSerializer.SerializeToElement(entity.Properties);
    }

    /// <summary>The distinct marker numbers in the text, smallest first (definitions, "[1]: ", excluded).</summary>
    internal static IEnumerable<int> Markers(string text) =>
        Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    [GeneratedRegex(@"\[(\d+)\](?!:)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\[(\d+)\]: cite:\1 "".+""$", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
