namespace Mvai.BotFramework.Protocol;

/// <summary>The values of <see cref="Activity.Type"/>.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Trace = "trace";
    public const string Handoff = "handoff";

    /// <summary>Internal pseudo-type carrying an invoke's answer; never sent on the wire.</summary>
    public const string InvokeResponse = "invokeResponse";
}

/// <summary>The values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
    public const string Notification = "notification";
    public const string Stream = "stream";
}

/// <summary>Well-known <see cref="Activity.ChannelId"/> values.</summary>
public static class Channels
{
    public const string Msteams = "msteams";
    public const string Directline = "directline";
    public const string Webchat = "webchat";
    public const string Emulator = "emulator";
    public const string Test = "test";
}

/// <summary>The values of <see cref="ChannelAccount.Role"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

/// <summary>The values of <see cref="Activity.InputHint"/>.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}

/// <summary>The values of <see cref="CardAction.Type"/>.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
