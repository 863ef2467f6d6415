namespace Mvai.Bot.Operations.WarmUp;

/// <summary>What the start-up warm-up did, logged once the real app has its logger.</summary>
public sealed record WarmUpResult(int Turns, int Failures, TimeSpan Elapsed, string? SkippedBecause, string? FailedWith)
{
    public static WarmUpResult Ran(int turns, int failures, TimeSpan elapsed) => new(turns, failures, elapsed, null, null);

    public static WarmUpResult Skipped(string because) => new(0, 0, TimeSpan.Zero, because, null);

    public static WarmUpResult Failed(string exceptionType, TimeSpan elapsed) => new(0, 0, elapsed, null, exceptionType);

    /// <summary>Logs the outcome: no message text or exception message, only counts and the exception's type.</summary>
    public void Log(ILogger logger)
    {
        if (FailedWith is not null)
        {
            AppLog.WarmUpFailed(logger, FailedWith, (long)Elapsed.TotalMilliseconds);
        }
        else if (SkippedBecause is not null)
        {
            AppLog.WarmUpSkipped(logger, SkippedBecause);
        }
        else
        {
            AppLog.WarmedUp(logger, Turns, Failures, (long)Elapsed.TotalMilliseconds);
        }
    }
}
