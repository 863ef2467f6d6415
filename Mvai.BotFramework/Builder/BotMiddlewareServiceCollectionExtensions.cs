namespace Mvai.BotFramework.Builder;

/// <summary>Configures the turn's <see cref="BotMiddlewarePipeline"/>.</summary>
public static class BotMiddlewareServiceCollectionExtensions
{
    /// <summary>
    /// Writes the pipeline's steps, outermost first. An app calls this once with its whole pipeline, so the order reads
    /// in one place; a further call (a test adding fault injection with <see cref="BotMiddlewarePipeline.UseFirst"/>) edits
    /// the same pipeline.
    /// </summary>
    public static IServiceCollection AddBotMiddleware(this IServiceCollection services, Action<BotMiddlewarePipeline> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services;
    }
}
