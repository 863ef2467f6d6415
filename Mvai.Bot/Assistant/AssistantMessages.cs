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

    public const string Fallback =
        "Hello. I can take your agency's request for MVAI assistance, answer questions from MVAI guidance, " +
        "or arrange for an advisor to contact you. Say \"request MVAI assistance\", ask your question, or say \"talk to an advisor\".";

    public const string AskYourQuestion = "Please type your question.";

    public const string EmptyMessage = "I didn't catch any text there. What can I help you with?";
    public const string CardActionReceived = "Thanks, your choice was received.";

    public const string StatusNotFound =
        "I can't find a request with that reference made in this conversation. Please check the number, or ask to talk to an advisor.";

    public static string Status(string reference, string status, DateTimeOffset submittedAt) =>
        $"Request {reference}, submitted {submittedAt:MMMM d, yyyy}, is {status}.";
}
