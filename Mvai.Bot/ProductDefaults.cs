using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.State;

namespace Mvai.Bot;

/// <summary>
/// What the MVAI Assistant calls itself inside the Bot Framework layer, whose own defaults are neutral. Registered
/// before the layer binds configuration, so configuration still overrides each value.
/// </summary>
internal static class ProductDefaults
{
    /// <summary>The bot's account id on the embedded Direct Line.</summary>
    public const string BotId = "mvai-assistant";

    /// <summary>Issuer and audience of the embedded Direct Line's tokens: tokens minted before the layer was a library stay valid.</summary>
    public const string DirectLineTokenIssuer = "mvai-directline";

    /// <summary>The PostgreSQL NOTIFY channel between instances; kept so instances of the last release still hear new ones.</summary>
    public const string DirectLineNotificationChannel = "mvai_directline";

    /// <summary>The embedded SQLite database file under <c>data/</c>.</summary>
    public const string SqliteFileName = "mvai-assistant.db";

    public static IServiceCollection AddProductDefaults(this IServiceCollection services)
    {
        services.Configure<DirectLineOptions>(options =>
        {
            options.BotId = BotId;
            options.TokenIssuer = DirectLineTokenIssuer;
            options.NotificationChannel = DirectLineNotificationChannel;
        });
        services.Configure<StorageOptions>(options => options.SqliteFileName = SqliteFileName);
        return services;
    }
}
