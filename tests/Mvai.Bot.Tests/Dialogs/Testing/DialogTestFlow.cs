using System.Security.Claims;
using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Tests.Dialogs.Testing;

/// <summary>
/// A transcript test over a root dialog: each <see cref="Send(string)"/> is one turn run through
/// <c>RunAsync</c> with a fresh turn context and conversation state read from and saved to SQLite, and each
/// <see cref="AssertReply(string)"/> checks the next thing the bot said. Replies left unchecked when the
/// next turn starts fail the test, so a transcript lists everything the bot says.
/// </summary>
public sealed class DialogTestFlow(Dialog root, DialogTestStore? store = null)
{
    private readonly List<Func<Task>> _steps = [];
    private readonly Queue<Activity> _replies = new();
    private readonly DialogTestStore _store = store ?? new DialogTestStore();
    private int _sequence;

    public string ChannelId { get; init; } = Channels.Test;
    public string ConversationType { get; init; } = "personal";
    public string ConversationId { get; init; } = "conv-" + Guid.NewGuid().ToString("N");
    public string? Locale { get; init; } = "en-US";

    /// <summary>The user's clock: Tuesday 24 November 2026, 10:00 at UTC-5.</summary>
    public DateTimeOffset LocalTimestamp { get; init; } = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5));

    /// <summary>Passed to RunAsync; runs when the stored stack belongs to older dialogs.</summary>
    public Func<ITurnContext, CancellationToken, Task>? OnVersionChanged { get; init; }

    /// <summary>The result of the last turn's RunAsync.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    public DialogTestStore Store => _store;

    public Activity NewActivity(string type, string? text = null) => new()
    {
        Type = type,
        Id = $"{ConversationId}-{++_sequence}",
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = "http://127.0.0.1:9/unused",
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType },
        From = new ChannelAccount { Id = "user-1", Name = "Ana", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Name = "MVAI Assistant", Role = RoleTypes.Bot },
        Locale = Locale,
        Timestamp = LocalTimestamp.ToUniversalTime(),
        LocalTimestamp = LocalTimestamp,
    };

    public DialogTestFlow Send(string text) => Send(() => NewActivity(ActivityTypes.Message, text));

    public DialogTestFlow Send(Activity activity) => Send(() => activity);

    public DialogTestFlow Send(Func<Activity> activity)
    {
        _steps.Add(async () =>
        {
            Assert.True(_replies.Count == 0, "Unchecked bot replies before the next turn: " + Describe(_replies));
            await RunTurnAsync(activity());
        });
        return this;
    }

    public DialogTestFlow AssertReply(string expectedText) =>
        AssertReply(reply => Assert.Equal(expectedText, reply.Text));

    public DialogTestFlow AssertReply(Action<Activity> inspect)
    {
        _steps.Add(() =>
        {
            Assert.True(_replies.Count > 0, "Expected a bot reply but the bot said nothing more.");
            inspect(_replies.Dequeue());
            return Task.CompletedTask;
        });
        return this;
    }

    public DialogTestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            Assert.True(_replies.Count == 0, "Expected no reply but got: " + Describe(_replies));
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Checks the RunAsync result of the last turn.</summary>
    public DialogTestFlow AssertResult(Action<DialogTurnResult> inspect)
    {
        _steps.Add(() =>
        {
            inspect(LastResult ?? throw new InvalidOperationException("No turn has run yet."));
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }
        Assert.True(_replies.Count == 0, "Unchecked bot replies at the end: " + Describe(_replies));
    }

    private async Task RunTurnAsync(Activity activity)
    {
        var connection = new ExpectRepliesConnection();
        var context = new TurnContext(activity, new ClaimsIdentity(), connection);
        var conversationState = new ConversationState(_store.Storage);
        var accessor = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        LastResult = await root.RunAsync(context, accessor, OnVersionChanged, CancellationToken.None);
        await conversationState.SaveChangesAsync(context);
        foreach (var reply in connection.Activities)
        {
            _replies.Enqueue(reply);
        }
    }

    private static string Describe(IEnumerable<Activity> activities) =>
        string.Join(" | ", activities.Select(a => a.Text ?? $"[{a.Type}: {a.Attachments?.Count ?? 0} attachments]"));
}
