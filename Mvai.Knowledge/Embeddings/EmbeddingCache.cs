using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Mvai.Knowledge.Embeddings;

/// <summary>
/// Vectors of fixed texts (the corpus's passages and sentences), computed once per process and kept on disk under the
/// temp folder, keyed by a SHA-256 of the model id and every text: an edited corpus or another model gets new vectors,
/// and app instances in one process (the tests) share one copy. A cache that cannot be written is skipped.
/// </summary>
internal static class EmbeddingCache
{
    private static readonly ConcurrentDictionary<string, Lazy<float[][]>> Memory = new(StringComparer.Ordinal);

    /// <summary>The folder of the disk copies.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "mvai-embeddings");

    /// <summary>The vectors of <paramref name="texts"/>, in order: from memory, from disk, or from the generator.</summary>
    public static float[][] GetOrCreate(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts)
    {
        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? generator.GetType().FullName ?? "unknown";
        var key = Key(model, texts);
        return Memory.GetOrAdd(key, k => new Lazy<float[][]>(() => Read(k, texts.Count) ?? Write(k, Generate(generator, texts)))).Value;
    }

    private static float[][] Generate(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts) =>
        [.. generator.GenerateAsync(texts).GetAwaiter().GetResult().Select(e => e.Vector.ToArray())];

    private static string Key(string model, IReadOnlyList<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var text in texts.Prepend(model))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static float[][]? Read(string key, int count)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(Path.Combine(Folder, key + ".f32")));
            if (reader.ReadInt32() != count)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[reader.ReadInt32()];
                for (var d = 0; d < vectors[i].Length; d++)
                {
                    vectors[i][d] = reader.ReadSingle();
                }
            }

            return vectors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static float[][] Write(string key, float[][] vectors)
    {
        try
        {
            Directory.CreateDirectory(Folder);

            // Written aside and moved into place, so a reader never sees half a file.
            var temporary = Path.Combine(Folder, $"{key}.{Environment.ProcessId}.tmp");
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(vectors.Length);
                foreach (var vector in vectors)
                {
                    writer.Write(vector.Length);
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temporary, Path.Combine(Folder, key + ".f32"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a disk copy the next process computes the vectors again; nothing else changes.
        }

        return vectors;
    }
}
