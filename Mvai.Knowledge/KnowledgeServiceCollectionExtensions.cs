using System.ClientModel;
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
using OpenAI;

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
    /// local all-MiniLM-L6-v2; false: BM25F alone, no model loaded), <c>Knowledge:OpenAI:Endpoint/ApiKey/ChatModel</c>
    /// which switch <see cref="IGuidanceAnswerer"/> to grounded LLM generation when set, and <c>Knowledge:OpenAI:EmbeddingModel</c>
    /// which, with the endpoint, replaces the local model by a hosted one for retrieval and the understanding step.</param>
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
        var llm = ReadOpenAI(configuration);
        if (EmbeddingsEnabled(configuration))
        {
            if (llm.HasEmbeddingModel && !services.Any(d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>)))
            {
                // The OpenAI-compatible /embeddings endpoint (Azure OpenAI's /openai/v1 too), as the chat model is called.
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(
                    new BatchingEmbeddingGenerator(OpenAIClientFor(llm).GetEmbeddingClient(llm.EmbeddingModel!).AsIEmbeddingGenerator()));
            }

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
        // The understanding step reads every free-text message with the registered sentence model. The local one is built once
        // per process (Shared), not per app instance; another (a hosted model) embeds the examples once per app.
        services.AddSingleton(sp => sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } embeddings and not LocalEmbeddingGenerator
            ? new MessageUnderstanding(embeddings, RouteExamples.LoadDefault())
            : MessageUnderstanding.Shared);
        services.AddSingleton<GuidanceAnswerer>();
        if (llm.IsConfigured)
        {
            // Only when an endpoint and model are configured does any question leave the process.
            services.AddSingleton(sp => Kernel.CreateBuilder()
                .AddOpenAIChatCompletion(llm.ChatModel!, llm.Endpoint!, llm.ApiKey ?? string.Empty).Build()
                .GetRequiredService<IChatCompletionService>());
            services.AddSingleton<IGuidanceAnswerer, GroundedLlmAnswerer>();
            // The model reads only what the offline step is unsure of, and never takes back a crisis or danger it found.
            services.AddSingleton<IMessageUnderstanding>(sp => new LlmAssistedUnderstanding(sp.GetRequiredService<MessageUnderstanding>(), sp.GetRequiredService<IChatCompletionService>()));
        }
        else
        {
            services.AddSingleton<IGuidanceAnswerer>(sp => sp.GetRequiredService<GuidanceAnswerer>());
            services.AddSingleton<IMessageUnderstanding>(sp => sp.GetRequiredService<MessageUnderstanding>());
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
            EmbeddingModel = section[nameof(OpenAIKnowledgeOptions.EmbeddingModel)],
        };
    }

    private static OpenAIClient OpenAIClientFor(OpenAIKnowledgeOptions llm) =>
        // Local servers may need no key, but the client refuses an empty one.
        new(new ApiKeyCredential(string.IsNullOrEmpty(llm.ApiKey) ? "unused" : llm.ApiKey), new OpenAIClientOptions { Endpoint = llm.Endpoint });
}
