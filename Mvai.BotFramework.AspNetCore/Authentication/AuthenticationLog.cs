namespace Mvai.BotFramework.Authentication;

/// <summary>Log events of the authentication layer (1100-1199). Never includes tokens or secrets.</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(1100, LogLevel.Information, "Loaded {KeyCount} signing keys from OpenID metadata {MetadataUrl}.")]
    public static partial void MetadataLoaded(ILogger logger, int keyCount, string metadataUrl);

    [LoggerMessage(1101, LogLevel.Warning, "Could not load OpenID metadata {MetadataUrl}; keeping the previous keys, if any.")]
    public static partial void MetadataLoadFailed(ILogger logger, Exception exception, string metadataUrl);

    [LoggerMessage(1102, LogLevel.Error, "Refused OpenID metadata {MetadataUrl}: it is not HTTPS and BotAuthentication:RequireHttpsMetadata is true.")]
    public static partial void InsecureMetadataRefused(ILogger logger, string metadataUrl);

    [LoggerMessage(1103, LogLevel.Information, "A token was signed with a key not in the cached metadata {MetadataUrl}; refreshing it now.")]
    public static partial void RefreshingForUnknownKey(ILogger logger, string metadataUrl);

    [LoggerMessage(1104, LogLevel.Debug, "Unknown signing key, but metadata {MetadataUrl} was refreshed for that reason less than {Interval} ago.")]
    public static partial void UnknownKeyRefreshThrottled(ILogger logger, string metadataUrl, TimeSpan interval);

    [LoggerMessage(1105, LogLevel.Debug, "Outbound Connector token ready (source {Source}, expires {ExpiresOn}).")]
    public static partial void ConnectorTokenAcquired(ILogger logger, string source, DateTimeOffset expiresOn);
}
