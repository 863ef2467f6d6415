namespace Mvai.Bench;

/// <summary>
/// What each simulated user (and, in the handoff, the advisor) does, in order. <see cref="ScriptTurn.Expect"/> says what
/// must come back, so a run whose conversations go astray counts errors instead of measuring the wrong thing.
/// </summary>
internal sealed record ConversationScript(string Name, string Description, IReadOnlyList<ScriptTurn> Turns)
{
    /// <summary>The app's scenarios; <c>js-peer</c> is the JS SDK peer's own script (<c>--peer</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["intake", "mix", "realistic", "guidance", "handoff", "js-peer"];

    /// <summary>Whether the advisor takes part, so the app must have an advisor account and open hours.</summary>
    public bool NeedsAdvisor => Turns.Any(turn => turn.IsAdvisor);

    public static ConversationScript Named(string name) => name.ToLowerInvariant() switch
    {
        "intake" => Scenarios.Intake,
        "mix" => Scenarios.Mix,
        "realistic" => Scenarios.Realistic,
        "guidance" => Scenarios.Guidance,
        "handoff" => Scenarios.Handoff,
        "js-peer" => Scenarios.JsPeer,
        _ => throw new ArgumentException($"Unknown scenario '{name}': use {string.Join(", ", Names)}."),
    };
}
