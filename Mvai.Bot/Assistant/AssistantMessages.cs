using Mvai.Bot.Answering;

namespace Mvai.Bot.Assistant;

/// <summary>What the assistant says, in one place so tests assert against the same words.</summary>
public static class AssistantMessages
{
    public const string Welcome =
        "Hello, I'm the MVAI Assistant from the Mass Violence Advisory Initiative (BJA and IACP). " +
        "I can help your agency request free peer-to-peer support from leaders who have been through a mass violence event, " +
        "answer questions from MVAI guidance, or connect you with an advisor.\n\n" +
        "I am not an emergency service. If anyone is in danger right now, call 911.";

    public const string RequestAssistance = NextStepTitles.RequestAssistance;
    public const string AskQuestion = "Ask a question";
    public const string TalkToAdvisor = NextStepTitles.TalkToAdvisor;

    public const string Fallback =
        "Hello. I can take your agency's request for MVAI assistance, answer questions from MVAI guidance, " +
        "or arrange for an advisor to contact you. Say \"request MVAI assistance\", ask your question, or say \"talk to an advisor\".";

    public const string AskYourQuestion = "Please type your question.";

    public const string EmptyMessage = "I didn't catch any text there. What can I help you with?";
    public const string CardActionReceived = "Thanks, your choice was received.";

    public const string StatusNeedsReference =
        "I can look up a request made in this conversation: please send its reference number, which looks like " +
        "MVAI-2026-0042 (it is in the confirmation you received). Or say \"talk to an advisor\" and the MVAI team will check for you.";

    /// <summary>Sent after the 911 reply when the danger is someone threatening their own life.</summary>
    public const string CrisisLinesAfterDanger =
        "If this is someone thinking of ending their life: once they are safe, call or text 988 (24/7), or COPLINE at " +
        "1-800-267-5463 for officers and their families. I'm connecting you with a person now.";

    /// <summary>Sent before the answer to a question that touches on someone's wellbeing closely, though not as a crisis.</summary>
    public const string WellnessLine =
        "If you or one of your people is struggling right now: call or text 988, or COPLINE at 1-800-267-5463 " +
        "(retired officers, confidential). You can also say \"talk to an advisor\" at any time.";

    /// <summary>A reference that is not this conversation's (or user's): the request desk's words.</summary>
    public const string StatusNotFound = Desk.Requester.RequesterMessages.NotFound;

    /// <summary>After a thumbs up on an answer.</summary>
    public const string FeedbackThanks = "Thank you for the feedback. It helps the MVAI team keep the guidance useful.";

    /// <summary>After a thumbs down: the team will look at it, and a person is one message away.</summary>
    public const string FeedbackSorry =
        "Thank you for telling me. The MVAI team reviews answers that missed. If you need more than the guidance, say \"talk to an advisor\".";
}
