namespace Mvai.Bot.Teams;

/// <summary>Teams log events (1300-1399). Never message text or names: tenant ids are organisations, not people.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(1400, LogLevel.Information, "Teams activity of type {ActivityType} from a tenant that is not allowed ({TenantId}) was refused")]
    public static partial void TenantRefused(ILogger logger, string? activityType, string? tenantId);

    [LoggerMessage(1401, LogLevel.Error, "A guidance answer prepared off the request could not be delivered")]
    public static partial void BackgroundAnswerFailed(ILogger logger, Exception exception);
}
