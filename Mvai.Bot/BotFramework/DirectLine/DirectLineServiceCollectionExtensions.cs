using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.State;

namespace Mvai.Bot.BotFramework.DirectLine;

/// <summary>The embedded Direct Line 3.0 channel, so Web Chat works with no Azure resources.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddedDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IActivityLog>(sp => new SqliteActivityLog(RequireSqlite(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISigningKeyStore>(sp => new SqliteSigningKeyStore(RequireSqlite(sp)));
        services.TryAddSingleton<ActivityNotifier>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineAuthorizer>();
        services.TryAddSingleton<DirectLineConversations>();
        services.TryAddSingleton<DirectLineChannel>();
        services.AddSingleton<IInProcessChannel>(sp => sp.GetRequiredService<DirectLineChannel>());
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(DirectLineHttp.BasePath);
        api.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync);
        api.MapPost("/tokens/refresh", DirectLineTokenEndpoints.RefreshAsync);
        api.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync);
        api.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.GetAsync);
        api.MapPost("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.PostAsync);
        api.MapGet("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.GetAsync);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineActivityEndpoints.UploadAsync);
        api.Map("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.HandleAsync);
        return endpoints;
    }

    private static SqliteStorage RequireSqlite(IServiceProvider services) =>
        services.GetRequiredService<IStorage>() as SqliteStorage
        ?? throw new InvalidOperationException(
            "The embedded Direct Line keeps its log in the SQLite database; register an IActivityLog and ISigningKeyStore for other storage.");
}
