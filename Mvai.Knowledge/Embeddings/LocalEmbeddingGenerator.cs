using Microsoft.Extensions.AI;

namespace Mvai.Knowledge.Embeddings;

/// <summary>
/// The local model behind <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, so understanding and retrieval
/// depend on the abstraction and a hosted embedding model (Azure OpenAI) can replace it by configuration.
/// </summary>
/// <param name="embedder">The in-process model.</param>
public sealed class LocalEmbeddingGenerator(LocalSentenceEmbedder embedder) : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly EmbeddingGeneratorMetadata Info = new("onnxruntime", null, "all-MiniLM-L6-v2", LocalSentenceEmbedder.Dimensions);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(embedder.Embed(value)) { ModelId = Info.DefaultModelId });
        }

        // The model runs on the calling thread in a few milliseconds; there is nothing to await.
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Info
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // The embedder is shared by the process; it outlives any one generator.
    }
}
