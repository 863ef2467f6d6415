using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.BotFramework.State;

/// <summary>Registers the configured <see cref="IStorage"/> and the state scopes on top of it.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return options.Provider.ToUpperInvariant() switch
            {
                "SQLITE" => new SqliteStorage(options.ConnectionString
                    ?? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "mvai-assistant.db")}",
                    sp.GetService<TimeProvider>()),
                _ => throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not supported. Use 'Sqlite'."),
            };
        });
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        return services;
    }
}
