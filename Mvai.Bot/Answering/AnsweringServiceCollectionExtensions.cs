using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.Operations.Background;

namespace Mvai.Bot.Answering;

/// <summary>Registers answering from the guidance (the corpus and the model come from <c>AddKnowledge</c>).</summary>
public static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddAnswering(this IServiceCollection services)
    {
        services.AddBackgroundWork();
        services.TryAddSingleton<GuidanceReplies>();
        return services;
    }
}
