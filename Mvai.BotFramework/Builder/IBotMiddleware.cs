namespace Mvai.BotFramework.Builder;

/// <summary>
/// Bot Framework middleware (IMiddleware there; renamed to avoid ASP.NET Core's): a step every turn passes through
/// before and after the bot, at the place <see cref="BotMiddlewarePipeline"/> gives it.
/// </summary>
public interface IBotMiddleware
{
    /// <summary>Handles the turn; calls <paramref name="next"/> to let the rest of the pipeline and the bot run, or not to stop the turn here.</summary>
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}
