using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Mvai.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in process with ONNX Runtime: a sentence becomes a unit-length vector of
/// 384 floats (mean of the token states, as the model was trained), so a dot product is the cosine.
/// One instance per process is enough (<see cref="Shared"/>): the session is immutable and
/// <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/> is thread-safe.
/// </summary>
public sealed class LocalSentenceEmbedder : IDisposable
{
    /// <summary>Folder, under the application's base directory, where the build puts the model files.</summary>
    public const string ModelFolder = "models/all-MiniLM-L6-v2";

    /// <summary>The model's vector length.</summary>
    public const int Dimensions = 384;

    // The model was trained on word pieces up to 256; chat messages and passages are well within it.
    private const int MaxTokens = 256;

    private static readonly Lazy<LocalSentenceEmbedder> SharedInstance = new(() => Load(Path.Combine(AppContext.BaseDirectory, ModelFolder)));

    // Texts embedded lately: a guidance question is read by the understanding step and then searched by the index, both
    // with the same normalised text, and the second must not run the model again. Small and dropped whole when full.
    private const int RecentCapacity = 256;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    private LocalSentenceEmbedder(InferenceSession session, BertTokenizer tokenizer)
    {
        _session = session;
        _tokenizer = tokenizer;
    }

    /// <summary>
    /// The process's one embedder, loaded on first use (about 0.2 s and ~150 MiB, most of it the fp32 weights).
    /// Several app instances in one process (the tests) share it instead of loading the model each.
    /// </summary>
    public static LocalSentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>Loads the model and vocabulary from a folder holding <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
    /// <param name="folder">The model folder.</param>
    /// <returns>A ready embedder.</returns>
    public static LocalSentenceEmbedder Load(string folder)
    {
        // One thread per call: turns run concurrently on a small machine, and a single short sentence
        // gains little from splitting its matrix products; no arena, so memory goes back after a burst.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            EnableCpuMemArena = false,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(Path.Combine(folder, "model.onnx"), options);
        var tokenizer = BertTokenizer.Create(Path.Combine(folder, "vocab.txt"), new BertOptions { LowerCaseBeforeTokenization = true });
        return new LocalSentenceEmbedder(session, tokenizer);
    }

    /// <summary>Embeds one text; a text embedded lately is not embedded again.</summary>
    /// <param name="text">Any text; longer than the model's window, it is cut.</param>
    /// <returns>A unit-length vector of <see cref="Dimensions"/> floats, shared with other callers: never change it.</returns>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_recent.TryGetValue(text, out var known))
        {
            return known;
        }

        if (_recent.Count >= RecentCapacity)
        {
            _recent.Clear();
        }

        return _recent[text] = Run(text);
    }

    private float[] Run(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _);
        var length = pieces.Count;
        var ids = new long[length];
        var mask = new long[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = pieces[i];
            mask[i] = 1;
        }

        var shape = new[] { 1, length };
        var inputs = new List<NamedOnnxValue>(3)
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[length], shape)),
        };
        using var results = _session.Run(inputs, ["last_hidden_state"]);
        var states = results[0].AsTensor<float>();
        return MeanPooledUnitVector(states, length);
    }

    private static float[] MeanPooledUnitVector(Tensor<float> states, int length)
    {
        var vector = new float[Dimensions];
        for (var token = 0; token < length; token++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += states[0, token, d];
            }
        }

        var norm = MathF.Sqrt(Dot(vector, vector));
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }

    /// <summary>The dot product; for two unit vectors, their cosine similarity.</summary>
    /// <param name="a">A vector.</param>
    /// <param name="b">A vector of the same length.</param>
    /// <returns>The dot product.</returns>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
