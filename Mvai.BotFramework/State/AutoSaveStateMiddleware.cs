using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.State;

/// <summary>
/// Saves every registered state scope after the bot's turn completes, once, only if it changed, and all scopes in one
/// storage call: a storage failure leaves none of them half-saved.
/// </summary>
public sealed class AutoSaveStateMiddleware(ConversationState conversationState, UserState userState) : IBotMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        await BotState.SaveAllChangesAsync(turnContext, [conversationState, userState], cancellationToken: cancellationToken);
    }
}
