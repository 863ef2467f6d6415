namespace Mvai.Bot.BotFramework.DirectLine;

/// <summary>The embedded Direct Line 3.0 channel, so Web Chat works with no Azure resources.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddedDirectLine(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints) => endpoints;
}
