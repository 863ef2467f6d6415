using System.Text.Json;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Dialogs.Prompts;

public sealed class CardSubmitPromptTests
{
    private static readonly Attachment Card = new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"comment"}],"actions":[{"type":"Action.Submit","title":"Send"}]}"""),
    };

    /// <summary>The Teams (Agents Playground) capture of an Action.Submit: a message with only <c>value</c>, no text.</summary>
    private static Activity LoadSubmitCapture()
    {
        var capture = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("captures", "teams-playground", "04-message-adaptivecard-submit.json")))!;
        return capture["body"].Deserialize(ProtocolJson.Default.Activity)!;
    }

    private static DialogTestFlow CreateFlow(Activity capture) => new(PromptHost.Create(
        new CardSubmitPrompt("card"),
        () => new PromptOptions { Prompt = new Activity { Type = ActivityTypes.Message, Attachments = [Card] } },
        r => $"Choice {((JsonObject)r!)["choice"]}, comment '{((JsonObject)r)["comment"]}'"))
    {
        ChannelId = capture.ChannelId!,
        ConversationId = capture.Conversation!.Id!,
    };

    [Fact]
    public async Task SubmitWithOnlyAValue_IsTheAnswer()
    {
        var capture = LoadSubmitCapture();
        Assert.Null(capture.Text);

        await CreateFlow(capture)
            .Send("hi").AssertReply(a => Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(a.Attachments!).ContentType))
            .Send(capture).AssertReply("Choice A, comment 'typed in the card'")
            .AssertResult(r => Assert.Equal("A", (string?)((JsonObject)r.Result!)["choice"]))
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedTextInsteadOfASubmit_ResendsTheCard()
    {
        var capture = LoadSubmitCapture();

        await CreateFlow(capture)
            .Send("hi").AssertReply(a => Assert.Single(a.Attachments!))
            .Send("A").AssertReply(a =>
            {
                Assert.Single(a.Attachments!);
                Assert.Equal(InputHints.ExpectingInput, a.InputHint);
            })
            .Send(capture).AssertReply("Choice A, comment 'typed in the card'")
            .StartTestAsync();
    }
}
