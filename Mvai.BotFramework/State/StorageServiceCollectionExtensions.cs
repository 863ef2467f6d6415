using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.State.Postgres;
using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.State;

/// <summary>Registers the configured database (<see cref="StorageBackend"/>), <see cref="IStorage"/> on it, and the state scopes.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => StorageOptions.Providers.Contains(o.Provider, StringComparer.OrdinalIgnoreCase),
                $"Storage:Provider is not supported. Use one of: {string.Join(", ", StorageOptions.Providers)}.")
            .Validate(o => o.IsSqlite || !string.IsNullOrWhiteSpace(o.ConnectionString), "Storage:Provider 'Postgres' needs Storage:ConnectionString.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqliteFileName), "Storage:SqliteFileName must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return options.Provider.ToUpperInvariant() switch
            {
                "SQLITE" => StorageBackend.Sqlite(new SqliteStorage(options.ConnectionString
                    ?? $"Data Source={Path.Combine(environment.ContentRootPath, "data", options.SqliteFileName)}",
                    sp.GetService<TimeProvider>())),
                "POSTGRES" or "POSTGRESQL" => StorageBackend.Postgres(sp.GetRequiredService<PostgresDatabase>()),
                _ => throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not supported. Use 'Sqlite' or 'Postgres'."),
            };
        });
        // Its own registration so the container disposes the connection pool at shutdown.
        services.TryAddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
            ?? throw new InvalidOperationException("Storage:Provider 'Postgres' needs Storage:ConnectionString.")));
        services.AddSchema(StateSchema.BotState);
        services.TryAddSingleton<IStorage>(sp => sp.GetRequiredService<StorageBackend>().Select<IStorage>(
            sqlite => sqlite, postgres => new PostgresStorage(postgres, sp.GetService<TimeProvider>())));
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        return services;
    }
}
