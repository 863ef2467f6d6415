using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.BotFramework.State;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>Registers the request-for-assistance intake and its durable store.</summary>
public static class IntakeServiceCollectionExtensions
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.TryAddSingleton<IAssistanceRequestStore>(sp => sp.GetRequiredService<IStorage>() is SqliteStorage sqlite
            ? new SqliteAssistanceRequestStore(sqlite, sp.GetRequiredService<TimeProvider>())
            : throw new InvalidOperationException("The request store needs the SQLite storage provider."));
        services.TryAddSingleton<IntakeDialog>();
        return services;
    }
}
