namespace Mvai.Bot.BotFramework.Hosting;

/// <summary>Texts the hosting layer itself sends to users.</summary>
public static class HostingMessages
{
    public const string TurnErrorApology =
        "Sorry, something went wrong on my side and I had to start this conversation over. Please send your last message again.";
}
