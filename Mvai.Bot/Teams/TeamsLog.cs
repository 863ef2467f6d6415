namespace Mvai.Bot.Teams;

/// <summary>Teams log events (1400-1499). Never message text or names: tenant ids are organisations, not people.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(1400, LogLevel.Information, "Teams activity of type {ActivityType} from a tenant that is not allowed ({TenantId}) was refused")]
    public static partial void TenantRefused(ILogger logger, string? activityType, string? tenantId);
}
