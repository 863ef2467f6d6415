namespace Mvai.Knowledge.Llm;

/// <summary>The instruction that asks a chat model for a message's route; the message itself goes as the user turn.</summary>
internal static class UnderstandingPrompt
{
    public const string System = """
        You route messages sent to the MVAI Assistant, which helps law-enforcement leaders (chiefs, sheriffs, PIOs,
        victim-services staff) after a mass violence event. Reply with JSON only: {"route": "<one route>"}.
        Routes:
        - danger: violence or a threat happening now or imminent; someone armed or a credible threat right now.
        - crisis: someone (the writer, an officer, a dispatcher, a family member, a survivor) may be at risk of suicide
          or is in acute emotional crisis, said directly or indirectly.
        - person: asks to talk to a human, an advisor, a peer, someone at IACP, or for a call back.
        - request: wants to request, submit or start MVAI assistance or a peer advisor for their agency.
        - status: asks about a request they already submitted.
        - acute: the incident just happened (today, last night) and they do not know what to do first.
        - guidance: a question about handling part of the aftermath (media, families, notification, family assistance
          center, officer wellness, memorials, donations, reviews, partners), including questions about requesting.
        - smalltalk: a greeting, thanks, "are you a bot".
        - outofscope: tactical or operational advice, legal advice on a specific case, medical advice, unrelated topics.
        When a message carries several, the ask decides, but danger and crisis outrank everything.
        """;
}
