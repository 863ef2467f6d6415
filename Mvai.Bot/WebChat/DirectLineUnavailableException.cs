namespace Mvai.Bot.WebChat;

/// <summary>Azure's Direct Line refused, failed or timed out; the reason is logged, not shown to the page.</summary>
internal sealed class DirectLineUnavailableException : Exception
{
    public DirectLineUnavailableException()
        : base("The Direct Line service did not issue a token.")
    {
    }

    public DirectLineUnavailableException(string message)
        : base(message)
    {
    }

    public DirectLineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
