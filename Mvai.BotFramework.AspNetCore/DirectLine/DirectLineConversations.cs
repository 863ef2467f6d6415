using Microsoft.Extensions.Options;

namespace Mvai.BotFramework.DirectLine;

/// <summary>Starts conversations and mints their tokens, for the HTTP API and for same-origin pages.</summary>
public sealed class DirectLineConversations(
    IActivityLog log, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, ILogger<DirectLineConversations> logger)
{
    private int _warnedAboutSecret;

    /// <summary>Creates a conversation and a token for it, bound to <paramref name="userId"/> when given.</summary>
    public async Task<DirectLineToken> StartAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.Secret) && Interlocked.Exchange(ref _warnedAboutSecret, 1) == 0)
        {
            DirectLineLog.NoSecretConfigured(logger);
        }
        var conversationId = ActivityIds.NewConversationId();
        await log.CreateConversationAsync(conversationId, cancellationToken);
        DirectLineLog.ConversationStarted(logger, conversationId);
        return tokens.Issue(conversationId, userId);
    }
}
