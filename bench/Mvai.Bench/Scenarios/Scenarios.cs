using static Mvai.Bench.ScriptTurn;

namespace Mvai.Bench;

/// <summary>The bench's conversations. Each expectation is a phrase of the reply the app must give at that turn.</summary>
internal static class Scenarios
{
    private const string Stored = "MVAI-";

    private static readonly ScriptTurn[] CannedAnswers =
    [
        .. new[]
        {
            "Sam Ortiz", "Sheriff", "Lake County Sheriff's Office", "Sheriff", "Waukegan, IL", "847-555-0142", "sortiz@lakecounty.example",
            "Email", "Vehicle ramming", "last Friday", "no", "2", "11", "media, wellness", "Today", "none", "yes",
        }.Select(answer => Say(answer)),
    ];

    /// <summary>The greeting, then every question answered as asked, the summary confirmed and the request stored.</summary>
    public static ConversationScript Intake { get; } = new("intake",
        "greeting, then a complete request for assistance confirmed and stored (canned answers)",
        [Join, Say("We need MVAI help"), .. CannedAnswers, Say("Confirm and send", Stored)]);

    /// <summary>The canned intake with guidance questions before it and one in the middle of the form.</summary>
    public static ConversationScript Mix { get; } = new("mix",
        "greeting, two guidance questions, then the canned intake with a question in the middle of the form",
        [
            Join, Say("what do we tell the press in the first hour?"), Say("how do we set up a family assistance center?"),
            Say("We need MVAI help"), .. CannedAnswers[..9], Say("what is a family assistance center?"), .. CannedAnswers[9..],
            Say("Confirm and send", Stored),
        ]);

    /// <summary>
    /// As a chief types it: the incident told in the first message (with typos and a date phrase, which the prefill
    /// reads), three answers the form refuses and gets again, a guidance question in the middle of the form, and the
    /// summary card's button.
    /// </summary>
    public static ConversationScript Realistic { get; } = new("realistic",
        "free-text first message with incident details, typos and a date, three refused and retried answers, a question mid-form, the card's Confirm",
        [
            Join,
            Say("hi this is chief dana whitfield w/ harlan county sherrifs office. we had a shooting at the county fair last saturday nite, 3 dead 9 hurt. we need mvai help", "What is your name"),
            Say("Dana Whitfield", "title or rank"),
            Say("sherif", "name of your agency"),
            Say("Harlan County Sheriff's Office", "What kind of agency"),
            Say("sheriffs office", "Which city and state"),
            Say("harlan", "I need a city"),
            Say("Harlan, KY", "best phone number"),
            Say("call me", "like a US phone number"),
            Say("606-555-0187", "email address"),
            Say("dwhitfield at harlan", "look like an email address"),
            Say("dwhitfield@harlancounty.example", "prefer the advisor contact you"),
            Say("phone pls", "scene still active"),
            Say("how do we set up a family assistance center?", "family assistance center"),
            Say("no", "how many people were killed"),
            Say("3", "how many were injured"),
            Say("about 9", "kinds of help"),
            Say("media, wellness", "How urgent"),
            Say("this week", "anything else the advisor should know"),
            Say("the sheriff is not sleeping, deputies rattled", "May we share"),
            Say("yes", "Shall I send it"),
            Submit("Confirm and send", Stored),
        ]);

    /// <summary>
    /// Guidance questions only, each read by the understanding step's model and answered with citations; worded a little
    /// differently in each conversation (<see cref="ScriptTurn.TextFor"/>), so the model runs for every question.
    /// </summary>
    public static ConversationScript Guidance { get; } = new("guidance",
        "greeting, then six guidance questions as a PIO types them, worded anew each conversation, each answered with citations",
        [
            Join,
            Ask("what do we tell the press in the first hour?", "[1]"),
            Ask("how do we set up a family assistance center", "[1]"),
            Ask("our officers are exhausted after the shooting, how do we look after their wellness", "[1]"),
            Ask("what do we say at the first press conference?", "[1]"),
            Ask("how do we handle donations and the memorial", "[1]"),
            Ask("what should the chief say to the victims families", "[1]"),
        ]);

    /// <summary>
    /// A person asked for during advisor hours; the advisor claims the case in the console API, the user's messages go
    /// to the advisor only (the bot stays silent), the advisor replies and closes, and the bot answers again.
    /// </summary>
    public static ConversationScript Handoff { get; } = new("handoff",
        "a person asked for, the advisor claims the case, two messages each way, the advisor closes it, the bot answers again",
        [
            Join,
            Say("can i talk to a real person please", "connecting you with an MVAI advisor"),
            new(TurnKind.AdvisorClaim, "claim"),
            new(TurnKind.Message, "thanks for taking this. we had a shooting at the mall on friday and the press is everywhere", Silent: true),
            new(TurnKind.AdvisorReply, "I am sorry. Who is handling your media right now?"),
            new(TurnKind.Message, "our PIO is new and has never run a press conference", Silent: true),
            new(TurnKind.AdvisorReply, "I will connect you with a chief who ran a joint information center."),
            new(TurnKind.Message, "yes please, that would help a lot", Silent: true),
            new(TurnKind.AdvisorClose, "Matched with a peer advisor for media support."),
            Say("thank you"),
        ]);

    /// <summary>The JS SDK peer's own intake (bench/js-peer): 13 turns, one refused answer, confirmed and stored.</summary>
    public static ConversationScript JsPeer { get; } = new("js-peer",
        "the Bot Framework JS SDK peer's intake: greeting, nine questions with one refused answer, confirmed and stored",
        [
            Join, Say("we need MVAI help", "What is your name"), Say("Sam Ortiz", "name of your agency"),
            Say("Lake County Sheriff", "Which city and state"), Say("Waukegan, IL", "best phone number"), Say("call me", "Please type 10 digits"),
            Say("847-555-0142", "email address"), Say("sortiz@lakecounty.example", "What kind of incident"), Say("vehicle ramming", "When did it happen"),
            Say("last friday", "how many people were killed"), Say("2", "How urgent"), Say("today", "Shall I send it"), Say("yes", Stored),
        ]);
}
