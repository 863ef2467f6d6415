using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Operations.WarmUp;

/// <summary>
/// What the warm-up says: the turns a new instance meets first (a request typed as a chief types it, with a date the
/// prefill reads, refused answers and a question mid-form, the card's button; guidance questions; a person asked for
/// after hours). Every name, place and number is made up; the replies are not checked, only that each turn is answered.
/// </summary>
internal static class WarmUpConversations
{
    /// <summary>A line of a script: a card submit's action when it starts with <see cref="CardAction"/>.</summary>
    private const string CardAction = "[card] ";

    public static IReadOnlyList<IReadOnlyList<string>> Scripts { get; } =
    [
        [
            "hi this is the chief of a small pd, we had a shooting at the high school last friday nite, 2 dead 5 hurt, need mvai help",
            "Alex Example", "chief", "Example City Police Department", "city police", "example", "Example City, OH",
            "call me", "555-010-0199", "alex at example", "alex@example.org", "email",
            "what do we tell the press in the first hour?", "no", "2", "about 5", "media, wellness", "this week", "no", "yes",
            CardAction + "Confirm and send",
        ],
        [
            "how do we set up a family assistance center", "our officers are exhausted, how do we look after their wellness",
            "when should we hold the first press conference", "what is the status of MVAI-2026-0001",
        ],
        ["can i talk to someone please", "no", "leave the queue", "thanks"],
    ];

    public static Activity Join(string conversation) => Activity(conversation, 0, ActivityTypes.ConversationUpdate, activity =>
        activity.MembersAdded = [new ChannelAccount { Id = User }, new ChannelAccount { Id = Bot }]);

    public static Activity Line(string conversation, int turn, string line) => Activity(conversation, turn, ActivityTypes.Message, activity =>
    {
        if (line.StartsWith(CardAction, StringComparison.Ordinal))
        {
            activity.Value = new System.Text.Json.Nodes.JsonObject { [Intake.IntakeSummary.ActionKey] = line[CardAction.Length..] };
        }
        else
        {
            activity.Text = line;
        }
    });

    private const string User = "warm-up-user";
    private const string Bot = "warm-up-bot";

    private static Activity Activity(string conversation, int turn, string type, Action<Activity> fill)
    {
        var activity = new Activity
        {
            Type = type,
            Id = $"{conversation}-{turn}",
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
            // Nothing listens there: a proactive message of the throwaway app fails quietly, going nowhere.
            ServiceUrl = "http://127.0.0.1:9/",
            ChannelId = "webchat",
            From = new ChannelAccount { Id = User, Name = "Warm-up", Role = RoleTypes.User },
            Conversation = new ConversationAccount { Id = conversation },
            Recipient = new ChannelAccount { Id = Bot, Role = RoleTypes.Bot },
            Locale = "en-US",
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        fill(activity);
        return activity;
    }
}
