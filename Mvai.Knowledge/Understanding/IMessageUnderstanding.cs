namespace Mvai.Knowledge.Understanding;

/// <summary>The understanding step: reads one free-text message and decides its route.</summary>
public interface IMessageUnderstanding
{
    /// <summary>Reads one message.</summary>
    /// <param name="text">The message as typed.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The route and what came with it.</returns>
    Task<MessageReading> ReadAsync(string text, CancellationToken cancellationToken = default);
}
