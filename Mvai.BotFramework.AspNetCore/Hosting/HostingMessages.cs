namespace Mvai.BotFramework.Hosting;

/// <summary>Texts the hosting layer itself sends to users.</summary>
public static class HostingMessages
{
    public const string TurnErrorApology =
        "Sorry, something went wrong on my side and I had to start this conversation over. Please send your last message again.";

    public const string TurnOverlapped =
        "Sorry, I was still working on your previous message when this one arrived, so I could not take it in. Please send it again.";
}
