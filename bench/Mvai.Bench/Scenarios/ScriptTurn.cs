namespace Mvai.Bench;

/// <summary>Who acts in a turn of a script: the user (through <c>/api/messages</c>) or the advisor (the console API).</summary>
internal enum TurnKind
{
    /// <summary>The conversationUpdate that adds the user and the bot.</summary>
    Join,

    /// <summary>A message the user types.</summary>
    Message,

    /// <summary>An Adaptive Card's Action.Submit: a message with the card's data as its value and no text.</summary>
    CardSubmit,

    /// <summary>The advisor finds the conversation's waiting case in the queue and claims it.</summary>
    AdvisorClaim,

    /// <summary>The advisor reads the case's new messages and replies.</summary>
    AdvisorReply,

    /// <summary>The advisor closes the case with a note; the bot takes over again.</summary>
    AdvisorClose,
}

/// <summary>
/// One line of a script and what must come back. <paramref name="Expect"/> is text one reply must hold (plain ASCII
/// letters, digits and spaces, searched in the raw JSON); with none, any reply will do. <paramref name="Silent"/> turns
/// expect no reply at all (a message relayed to the advisor who holds the case).
/// </summary>
internal sealed record ScriptTurn(TurnKind Kind, string Text, string? Expect = null, bool Silent = false, bool Varied = false)
{
    // Greetings and sign-offs that change a message's words, not what it asks: 144 ways to say each varied line.
    private static readonly string[] Openings =
        ["", "hi, ", "hello, ", "ok so ", "quick one: ", "hey ", "good evening, ", "question: ", "chief here, ", "pio here, ", "one more: ", "also "];

    private static readonly string[] Closings =
        ["", " thanks", " please", " ty", " thank you", " asap", " if you can", " when you get a chance", " appreciate it", " thx", " for our team", " today"];

    /// <summary>
    /// The text sent in a conversation's <paramref name="variant"/>. A varied line differs from one conversation to the
    /// next, as real users' questions do: the sentence model caches the last 256 texts it read, and the same six questions
    /// over and over would measure the cache, not the model.
    /// </summary>
    public string TextFor(int variant)
    {
        if (!Varied)
        {
            return Text;
        }
        var index = (int)((uint)variant % (Openings.Length * Closings.Length));
        return Openings[index % Openings.Length] + Text + Closings[(index + (index / Openings.Length)) % Closings.Length];
    }

    /// <summary><see cref="Expect"/> in UTF-8, for searching reply bodies without decoding them; empty when none.</summary>
    public byte[] ExpectUtf8 { get; } = Expect is null ? [] : System.Text.Encoding.UTF8.GetBytes(Expect);

    public bool IsAdvisor => Kind is TurnKind.AdvisorClaim or TurnKind.AdvisorReply or TurnKind.AdvisorClose;

    public static ScriptTurn Join { get; } = new(TurnKind.Join, "(join)");

    public static ScriptTurn Say(string text, string? expect = null) => new(TurnKind.Message, text, expect);

    /// <summary>A message whose wording changes with each conversation (<see cref="TextFor"/>).</summary>
    public static ScriptTurn Ask(string text, string? expect = null) => new(TurnKind.Message, text, expect, Varied: true);

    public static ScriptTurn Submit(string action, string? expect = null) => new(TurnKind.CardSubmit, action, expect);

    public override string ToString() => Kind switch
    {
        TurnKind.Message => Text,
        TurnKind.CardSubmit => $"[card] {Text}",
        TurnKind.Join => Text,
        _ => $"[advisor {Kind.ToString()[7..].ToLowerInvariant()}] {Text}",
    };
}
