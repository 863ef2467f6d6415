using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Knowledge.Answering;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Llm;
using Mvai.Knowledge.Plugins;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge;

/// <summary>Registers the guidance knowledge base in a service collection.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the corpus (loaded once, on first use), the index, the safety screen, the answerer and
    /// the Semantic Kernel plugin, all singletons: they are immutable after load.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration; reads <c>Knowledge:ContentPath</c>, <c>Knowledge:Embeddings:Enabled</c> (default true:
    /// retrieval fuses BM25F with sentence embeddings, from a registered <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> or the
    /// local all-MiniLM-L6-v2; false: BM25F alone, no model loaded), and <c>Knowledge:OpenAI:Endpoint/ApiKey/ChatModel</c>
    /// which switch <see cref="IGuidanceAnswerer"/> to grounded LLM generation when set.</param>
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
        if (EmbeddingsEnabled(configuration))
        {
            // The local model unless another generator (a hosted one) was registered first.
            services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new LocalEmbeddingGenerator(LocalSentenceEmbedder.Shared));
            services.AddSingleton(sp =>
            {
                var index = new GuidanceIndex(sp.GetRequiredService<GuidanceCorpus>(), sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
                index.WarmUp();
                return index;
            });
        }
        else
        {
            services.AddSingleton(sp => new GuidanceIndex(sp.GetRequiredService<GuidanceCorpus>()));
        }

        services.AddSingleton<SafetyScreen>();
        // The understanding step reads every free-text message with the local sentence model; both are built once per
        // process (Shared), not per app instance.
        services.AddSingleton(_ => MessageUnderstanding.Shared);
        services.AddSingleton<GuidanceAnswerer>();
        var llm = ReadOpenAI(configuration);
        if (llm.IsConfigured)
        {
            // Only when an endpoint and model are configured does any question leave the process.
            services.AddSingleton(sp => Kernel.CreateBuilder()
                .AddOpenAIChatCompletion(llm.ChatModel!, llm.Endpoint!, llm.ApiKey ?? string.Empty).Build()
                .GetRequiredService<IChatCompletionService>());
            services.AddSingleton<IGuidanceAnswerer, GroundedLlmAnswerer>();
        }
        else
        {
            services.AddSingleton<IGuidanceAnswerer>(sp => sp.GetRequiredService<GuidanceAnswerer>());
        }

        services.AddSingleton<GuidancePlugin>();
        return services;
    }

    private static bool EmbeddingsEnabled(IConfiguration configuration) =>
        !bool.TryParse(configuration[$"{KnowledgeOptions.SectionName}:Embeddings:Enabled"], out var enabled) || enabled;

    private static OpenAIKnowledgeOptions ReadOpenAI(IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenAIKnowledgeOptions.SectionName);
        return new OpenAIKnowledgeOptions
        {
            Endpoint = Uri.TryCreate(section[nameof(OpenAIKnowledgeOptions.Endpoint)], UriKind.Absolute, out var uri) ? uri : null,
            ApiKey = section[nameof(OpenAIKnowledgeOptions.ApiKey)],
            ChatModel = section[nameof(OpenAIKnowledgeOptions.ChatModel)],
        };
    }
}
