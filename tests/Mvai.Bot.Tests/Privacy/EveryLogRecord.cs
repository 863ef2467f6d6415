using System.Collections.Concurrent;
using System.Text;

namespace Mvai.Bot.Tests.Privacy;

/// <summary>
/// Keeps everything a log sink could write: the formatted message, every structured value, the full exception
/// (type, message, stack, inner exceptions) and every scope opened. The host's level filters still apply, so with
/// appsettings.json's levels this is what production logs.
/// </summary>
public sealed class EveryLogRecord : ILoggerProvider
{
    public ConcurrentQueue<string> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The records that contain <paramref name="value"/> (case-insensitive).</summary>
    public IReadOnlyList<string> Containing(string value) =>
        [.. Records.Where(record => record.Contains(value, StringComparison.OrdinalIgnoreCase))];

    public void Dispose()
    {
    }

    private static string Describe(object? state)
    {
        var text = new StringBuilder(state?.ToString());
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                text.Append(" | ").Append(key).Append('=').Append(value is System.Collections.IEnumerable list and not string
                    ? string.Join(",", list.Cast<object?>())
                    : value);
            }
        }
        return text.ToString();
    }

    private sealed class Logger(EveryLogRecord owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Records.Enqueue($"scope {category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Records.Enqueue($"{logLevel} {category} [{eventId}]: {formatter(state, exception)} | {Describe(state)} | {exception}");
    }
}
