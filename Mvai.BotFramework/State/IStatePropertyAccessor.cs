using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.State;

/// <summary>Typed access to one property of a <see cref="BotState"/> scope within a turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value, or the default factory's value (which is then kept), or default.</summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultFactory = null, CancellationToken cancellationToken = default) =>
        state.GetPropertyAsync(turnContext, Name, defaultFactory, cancellationToken);

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        state.SetPropertyAsync(turnContext, Name, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        state.DeletePropertyAsync(turnContext, Name, cancellationToken);
}
