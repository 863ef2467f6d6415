namespace Mvai.Bot.Assistant;

/// <summary>What the assistant says, in one place so tests assert against the same words.</summary>
public static class AssistantMessages
{
    public const string Welcome =
        "Hello, I'm the MVAI Assistant from the Mass Violence Advisory Initiative (BJA and IACP). " +
        "I can help your agency request free peer-to-peer support from leaders who have been through a mass violence event, " +
        "answer questions from MVAI guidance, or connect you with an advisor.\n\n" +
        "I am not an emergency service. If anyone is in danger right now, call 911.";

    public const string RequestAssistance = "Request MVAI assistance";
    public const string AskQuestion = "Ask a question";
    public const string TalkToAdvisor = "Talk to an advisor";

    /// <summary>The interim answer to messages until the intake and knowledge features take over.</summary>
    public static string Acknowledge(string text) =>
        $"I received your message: \"{text}\". Requests for assistance and answers from MVAI guidance are being set up; " +
        "an MVAI advisor can help you in the meantime.";

    public const string EmptyMessage = "I didn't catch any text there. What can I help you with?";
    public const string CardActionReceived = "Thanks, your choice was received.";
}
