namespace Mvai.Bench;

/// <summary>
/// What each simulated chief says, in order: the greeting, a question answered from the guidance, then a complete
/// request for assistance confirmed and stored. A realistic mix of cheap turns (prompts) and costly ones (retrieval,
/// the durable request write).
/// </summary>
internal static class ConversationScript
{
    public const string Join = "(join)";

    public static readonly string[] Turns =
    [
        Join,
        "what do we tell the press in the first hour?",
        "We need MVAI help",
        "Sam Ortiz", "Sheriff", "Lake County Sheriff's Office", "Sheriff", "Waukegan, IL", "847-555-0142", "sortiz@lakecounty.example",
        "Email", "Vehicle ramming", "last Friday", "no", "2", "11", "media, wellness", "Today", "none", "yes",
        "Confirm and send",
    ];
}
