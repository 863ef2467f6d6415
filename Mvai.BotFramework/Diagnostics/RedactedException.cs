using System.Text;

namespace Mvai.BotFramework.Diagnostics;

/// <summary>
/// An exception as logs may see it: the types and stack traces of the chain, without the messages. Framework
/// messages quote their input ("The input string 'Jane Roe' was not in a correct format."), and in a turn the
/// input is what the user wrote, so a message may carry personal data.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _description;
    private readonly string? _stackTrace;

    private RedactedException(Exception original)
        : base($"{original.GetType().FullName} (message withheld: it may quote user input)")
    {
        _stackTrace = original.StackTrace;
        _description = Describe(original);
        HResult = original.HResult;
    }

    public override string? StackTrace => _stackTrace;

    /// <summary>The exception to hand to a logger in place of <paramref name="exception"/>.</summary>
    public static Exception From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as RedactedException ?? new RedactedException(exception);
    }

    public override string ToString() => _description;

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.AppendLine().Append(" ---> ");
            }
            text.Append(current.GetType().FullName).Append(" (message withheld)");
            if (current is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                text.Append(" with ").Append(aggregate.InnerExceptions.Count).Append(" inner exceptions");
            }
            if (current.StackTrace is { } stack)
            {
                text.AppendLine().Append(stack);
            }
        }
        return text.ToString();
    }
}
