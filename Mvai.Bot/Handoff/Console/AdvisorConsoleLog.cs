namespace Mvai.Bot.Handoff.Console;

/// <summary>Console log lines: never an advisor's name, account id or secret, nor what anyone wrote.</summary>
internal static partial class AdvisorConsoleLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning,
        Message = "The advisor console is disabled: configure Advisors:Accounts or Advisors:Entra to let advisors sign in")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Advisor console at /advisor: {Accounts} account(s), Entra ID {Entra}")]
    public static partial void Enabled(ILogger logger, int accounts, string entra);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Advisor sign-in failed ({Method})")]
    public static partial void SignInFailed(ILogger logger, string method);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "An advisor account is paused for {Duration} after {Failures} failed sign-ins")]
    public static partial void LockedOut(ILogger logger, TimeSpan duration, int failures);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Advisor bearer token refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Advisor console request refused: {Reason}")]
    public static partial void CrossSiteRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Advisor sign-in refused: too many attempts from the client address or for the account ({Method})")]
    public static partial void SignInRateLimited(ILogger logger, string method);
}
