using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

namespace Mvai.BotFramework.DirectLine;

/// <summary>The embedded Direct Line 3.0 channel, so Web Chat works with no Azure resources.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The CORS policy of the Direct Line API; needs <c>UseCors()</c> in the pipeline.</summary>
    public const string CorsPolicy = "DirectLine";

    public static IServiceCollection AddEmbeddedDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "DirectLine:TokenLifetime must be positive.")
            .Validate(o => o.KeepAliveInterval > TimeSpan.Zero, "DirectLine:KeepAliveInterval must be positive.")
            .Validate(o => o.StreamPollInterval > TimeSpan.Zero, "DirectLine:StreamPollInterval must be positive.")
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out _)),
                "DirectLine:AllowedOrigins must be absolute origins such as https://www.example.org.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSchema(DirectLineSchema.Component);
        services.TryAddSingleton<IActivityLog>(sp => sp.GetRequiredService<StorageBackend>().Select<IActivityLog>(
            sqlite => new SqliteActivityLog(sqlite, sp.GetRequiredService<TimeProvider>()),
            postgres => new PostgresActivityLog(postgres, sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<ISigningKeyStore>(sp => new SigningKeyStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<IActivityRelay>(sp => sp.GetRequiredService<StorageBackend>().Select<IActivityRelay>(
            sqlite => new SingleInstanceActivityRelay(), postgres => ActivatorUtilities.CreateInstance<PostgresActivityRelay>(sp, postgres)));
        services.AddHostedService(sp => sp.GetRequiredService<IActivityRelay>());
        services.TryAddSingleton<ActivityNotifier>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineAuthorizer>();
        services.TryAddSingleton<DirectLineConversations>();
        services.TryAddSingleton<DirectLineChannel>();
        services.AddSingleton<IInProcessChannel>(sp => sp.GetRequiredService<DirectLineChannel>());
        services.AddDirectLineRateLimits();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .SetIsOriginAllowed(origin => directLine.Value.AllowedOrigins.Any(
                    allowed => string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                // The headers DirectLineJS sends (see real-clients.md; rxjs ajax adds x-requested-with across
                // origins): a preflight that does not allow all of them fails.
                .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")));
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(DirectLineHttp.BasePath).RequireCors(CorsPolicy);
        api.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync).RequireRateLimiting(DirectLineRateLimits.ConversationsPolicy);
        api.MapPost("/tokens/refresh", DirectLineTokenEndpoints.RefreshAsync);
        api.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync).RequireRateLimiting(DirectLineRateLimits.ConversationsPolicy);
        api.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.GetAsync);
        api.MapPost("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.PostAsync)
            .RequireRateLimiting(DirectLineRateLimits.ActivitiesPolicy);
        api.MapGet("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.GetAsync);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineActivityEndpoints.UploadAsync)
            .RequireRateLimiting(DirectLineRateLimits.ActivitiesPolicy);
        api.Map("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.HandleAsync);
        return endpoints;
    }
}
