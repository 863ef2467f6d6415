namespace Mvai.BotFramework.Protocol;

/// <summary>Names of event activities the framework itself creates.</summary>
public static class ActivityEventNames
{
    /// <summary>The event a proactive turn carries (<c>IChannelAdapter.ContinueConversationAsync</c>).</summary>
    public const string ContinueConversation = "ContinueConversation";
}
