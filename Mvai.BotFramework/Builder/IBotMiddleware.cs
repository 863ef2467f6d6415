namespace Mvai.BotFramework.Builder;

/// <summary>Bot Framework middleware (IMiddleware there; renamed to avoid ASP.NET Core's): a step every turn passes through before and after the bot, in registration order.</summary>
public interface IBotMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}
