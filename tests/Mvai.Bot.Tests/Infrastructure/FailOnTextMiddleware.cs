using Mvai.BotFramework.Builder;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Throws on one message text, standing in for any bug in a turn.</summary>
public sealed class FailOnTextMiddleware(string text) : IBotMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken) =>
        turnContext.Activity.Text == text ? throw new InvalidOperationException("simulated bug") : next(cancellationToken);
}
