namespace Mvai.Bot.Answering;

/// <summary>
/// The two next steps every answer offers. They live with the answers that show them; the assistant, which acts on them
/// when they come back as typed text, refers to these (Assistant uses Answering, never the other way).
/// </summary>
public static class NextStepTitles
{
    public const string RequestAssistance = "Request MVAI assistance";
    public const string TalkToAdvisor = "Talk to an advisor";
}
