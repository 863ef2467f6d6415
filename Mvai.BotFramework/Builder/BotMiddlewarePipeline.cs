namespace Mvai.BotFramework.Builder;

/// <summary>
/// The middleware every turn passes through, in the order written: the first step is the outermost, it sees the turn
/// first and finishes last. Configured in one place with <see cref="BotMiddlewareServiceCollectionExtensions.AddBotMiddleware"/>,
/// never by the order services happen to be registered in (BotBuilder's <c>adapter.Use(...)</c>).
/// </summary>
public sealed class BotMiddlewarePipeline
{
    private readonly List<Func<IServiceProvider, IBotMiddleware>> _steps = [];

    /// <summary>The number of steps configured.</summary>
    public int Count => _steps.Count;

    /// <summary>Adds a step after the ones already added; the middleware is resolved from the container (or created with its services).</summary>
    public BotMiddlewarePipeline Use<TMiddleware>()
        where TMiddleware : IBotMiddleware
    {
        _steps.Add(services => ActivatorUtilities.GetServiceOrCreateInstance<TMiddleware>(services));
        return this;
    }

    /// <summary>Adds <paramref name="middleware"/> after the steps already added.</summary>
    public BotMiddlewarePipeline Use(IBotMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _steps.Add(_ => middleware);
        return this;
    }

    /// <summary>
    /// Puts <paramref name="middleware"/>, in the order given, before every other step, outermost (a test's fault
    /// injection, a diagnostic wrapper).
    /// </summary>
    public BotMiddlewarePipeline UseFirst(params IBotMiddleware[] middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _steps.InsertRange(0, middleware.Select(step => (Func<IServiceProvider, IBotMiddleware>)(_ =>
            step ?? throw new ArgumentException("A middleware step is null.", nameof(middleware)))));
        return this;
    }

    /// <summary>The steps, outermost first, resolved once for the adapter.</summary>
    public IReadOnlyList<IBotMiddleware> Build(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. _steps.Select(create => create(services))];
    }
}
