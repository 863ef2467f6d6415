namespace Mvai.BotFramework.Handoff;

/// <summary>The event names of the Bot Framework human-handoff protocol (HandoffEventNames in the SDK).</summary>
public static class HandoffEventNames
{
    /// <summary>Bot to hub: please take this conversation.</summary>
    public const string InitiateHandoff = "handoff.initiate";

    /// <summary>Hub to bot: what became of the request (accepted, failed, completed).</summary>
    public const string HandoffStatus = "handoff.status";
}

/// <summary>The <c>state</c> values of a <c>handoff.status</c> event.</summary>
public static class HandoffStates
{
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
