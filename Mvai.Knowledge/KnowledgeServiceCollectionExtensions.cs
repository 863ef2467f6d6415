using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Plugins;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge;

/// <summary>Registers the guidance knowledge base in a service collection.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the corpus (loaded once, on first use), the index, the safety screen, the answerer and
    /// the Semantic Kernel plugin, all singletons: they are immutable after load.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration; reads <c>Knowledge:ContentPath</c> when present.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new KnowledgeOptions();
        var contentPath = configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.ContentPath)}"];
        if (!string.IsNullOrWhiteSpace(contentPath))
        {
            options.ContentPath = contentPath;
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => CorpusLoader.LoadDirectory(sp.GetRequiredService<KnowledgeOptions>().ResolveContentPath()));
        services.AddSingleton(sp => new GuidanceIndex(sp.GetRequiredService<GuidanceCorpus>()));
        services.AddSingleton<SafetyScreen>();
        services.AddSingleton<GuidanceAnswerer>();
        services.AddSingleton<IGuidanceAnswerer>(sp => sp.GetRequiredService<GuidanceAnswerer>());
        services.AddSingleton<GuidancePlugin>();
        return services;
    }
}
