using Microsoft.Extensions.AI;

namespace Mvai.Knowledge.Embeddings;

/// <summary>
/// Sends texts to a hosted model in batches: the corpus (passages, sentences, alternate questions) and the labelled examples
/// are embedded in one call each, and the OpenAI and Azure OpenAI embeddings endpoints accept at most 2,048 inputs (and a
/// bounded number of tokens) per request.
/// </summary>
/// <param name="inner">The hosted generator.</param>
/// <param name="batchSize">Texts per request.</param>
public sealed class BatchingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int batchSize = BatchingEmbeddingGenerator.DefaultBatchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    /// <summary>Texts per request by default: well under the endpoints' input and token limits for sentence-length texts.</summary>
    public const int DefaultBatchSize = 256;

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(batchSize))
        {
            result.AddRange(await base.GenerateAsync(batch, options, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }
}
