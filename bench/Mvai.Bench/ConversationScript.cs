namespace Mvai.Bench;

/// <summary>What each simulated chief says, in order. Every scenario ends with a request confirmed and stored.</summary>
internal sealed record ConversationScript(string Name, string Description, IReadOnlyList<string> Turns)
{
    public const string Join = "(join)";

    private static readonly string[] Answers =
    [
        "Sam Ortiz", "Sheriff", "Lake County Sheriff's Office", "Sheriff", "Waukegan, IL", "847-555-0142", "sortiz@lakecounty.example",
        "Email", "Vehicle ramming", "last Friday", "no", "2", "11", "media, wellness", "Today", "none", "yes",
    ];

    /// <summary>The greeting, then a complete request for assistance: every question answered, confirmed and stored.</summary>
    public static ConversationScript Intake { get; } = new("intake",
        "greeting, then a complete request for assistance confirmed and stored",
        [Join, "We need MVAI help", .. Answers, "Confirm and send"]);

    /// <summary>The same intake with guidance questions before it and one in the middle of the form.</summary>
    public static ConversationScript Mix { get; } = new("mix",
        "greeting, two guidance questions, then the intake with a question in the middle of the form",
        [
            Join, "what do we tell the press in the first hour?", "how do we set up a family assistance center?",
            "We need MVAI help", .. Answers[..9], "what is a family assistance center?", .. Answers[9..], "Confirm and send",
        ]);

    public static ConversationScript Named(string name) => name.ToLowerInvariant() switch
    {
        "intake" => Intake,
        "mix" => Mix,
        _ => throw new ArgumentException($"Unknown scenario '{name}': use intake or mix."),
    };
}
