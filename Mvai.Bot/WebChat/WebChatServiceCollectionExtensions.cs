using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Hosting;

namespace Mvai.Bot.WebChat;

/// <summary>Registers the token endpoint's token source, its CORS policy and its per-IP rate limit.</summary>
public static class WebChatServiceCollectionExtensions
{
    public const string TokenCorsPolicy = "WebChatToken";
    public const string TokenRateLimitPolicy = "WebChatToken";

    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.SectionName)
            .Validate(o => o.TokensPerMinute > 0, "WebChat:TokensPerMinute must be positive.")
            .Validate(o => o.DirectLineTimeout > TimeSpan.Zero, "WebChat:DirectLineTimeout must be positive.")
            .Validate(o => o.DirectLineEndpoint is { IsAbsoluteUri: true }, "WebChat:DirectLineEndpoint must be an absolute URL.")
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out _)),
                "WebChat:AllowedOrigins must be absolute origins such as https://www.example.org.")
            .ValidateOnStart();
        services.AddHttpClient(AzureDirectLineTokenSource.HttpClientName);
        services.AddSingleton<IWebChatTokenSource>(sp =>
            string.IsNullOrEmpty(sp.GetRequiredService<IOptions<WebChatOptions>>().Value.DirectLineSecret)
                ? ActivatorUtilities.CreateInstance<EmbeddedWebChatTokenSource>(sp)
                : ActivatorUtilities.CreateInstance<AzureDirectLineTokenSource>(sp));

        // Pages allowed to ask for tokens may also talk to the embedded Direct Line across origins.
        services.AddOptions<DirectLineOptions>().PostConfigure<IOptions<WebChatOptions>>((directLine, webChat) =>
        {
            foreach (var origin in webChat.Value.AllowedOrigins)
            {
                directLine.AllowedOrigins.Add(origin);
            }
        });
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, webChat) =>
            cors.AddPolicy(TokenCorsPolicy, policy => policy
                .SetIsOriginAllowed(origin => WebChatOrigins.IsConfigured(webChat.Value, origin))
                .WithMethods(HttpMethods.Post)
                .WithHeaders("content-type")));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebChatOptions>>((limiter, webChat) =>
        {
            limiter.AddPolicy(TokenRateLimitPolicy, http => PerMinuteLimit.For(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown", webChat.Value.TokensPerMinute));
            limiter.AnswerRejections(
                request => request.Path.Equals(WebChatTokenEndpoint.Route, StringComparison.OrdinalIgnoreCase),
                http => WebChatLog.RateLimited(http.RequestServices.GetRequiredService<ILogger<WebChatToken>>()));
        });
        return services;
    }
}
