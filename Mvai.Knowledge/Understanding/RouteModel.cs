namespace Mvai.Knowledge.Understanding;

/// <summary>
/// Multinomial logistic regression over a message's embedding and hashed words, trained on the labelled examples when
/// the process starts (well under a second for a few hundred). It generalises beyond the nearest example: a linear
/// boundary learns which directions of meaning and which words separate "how do we request" from "request it now".
/// </summary>
public sealed class RouteModel
{
    private static readonly int RouteCount = Enum.GetValues<MessageRoute>().Length;

    private readonly float[][] _dense;
    private readonly float[][] _words;
    private readonly float[] _bias;

    private RouteModel(int dimensions)
    {
        _dense = [.. Enumerable.Range(0, RouteCount).Select(_ => new float[dimensions])];
        _words = [.. Enumerable.Range(0, RouteCount).Select(_ => new float[RouteFeatures.WordBuckets])];
        _bias = new float[RouteCount];
    }

    /// <summary>Trains on labelled messages; deterministic (fixed order and seed), so every instance reads alike.</summary>
    /// <param name="examples">The messages, normalised, with their routes.</param>
    /// <param name="vectors">Their embeddings.</param>
    /// <param name="safetyWeight">How much more a missed crisis or danger example costs than another miss.</param>
    /// <param name="wordScale">The words' weight beside the embedding (<see cref="RouteFeatures.Words"/>).</param>
    /// <returns>The trained model.</returns>
    public static RouteModel Train(IReadOnlyList<RouteExample> examples, IReadOnlyList<float[]> vectors, float safetyWeight = 2f, float wordScale = 1f)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(vectors);
        var model = new RouteModel(vectors.Count > 0 ? vectors[0].Length : 0);
        var words = examples.Select(e => RouteFeatures.Words(MessageText.Normalize(e.Text), wordScale)).ToArray();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(2026);
        const int Epochs = 60;
        const float L2 = 1e-4f;
        var probabilities = new float[RouteCount];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = 0.5f / (1f + (epoch * 0.1f));
            foreach (var i in order)
            {
                model.Predict(vectors[i], words[i], probabilities);
                var weight = examples[i].Route is MessageRoute.Crisis or MessageRoute.Danger ? safetyWeight : 1f;
                for (var r = 0; r < RouteCount; r++)
                {
                    var gradient = weight * (probabilities[r] - (r == (int)examples[i].Route ? 1f : 0f));
                    var step = rate * gradient;
                    var dense = model._dense[r];
                    for (var d = 0; d < dense.Length; d++)
                    {
                        dense[d] -= (step * vectors[i][d]) + (rate * L2 * dense[d]);
                    }

                    foreach (var bucket in words[i].Buckets)
                    {
                        model._words[r][bucket] -= step * words[i].Weight;
                    }

                    model._bias[r] -= step;
                }
            }
        }

        return model;
    }

    /// <summary>The probability of each route for a message.</summary>
    /// <param name="vector">The message's embedding.</param>
    /// <param name="words">Its hashed words (<see cref="RouteFeatures.Words"/>).</param>
    /// <param name="probabilities">Receives one probability per <see cref="MessageRoute"/>, in enum order.</param>
    public void Predict(ReadOnlySpan<float> vector, (int[] Buckets, float Weight) words, Span<float> probabilities)
    {
        var max = float.MinValue;
        for (var r = 0; r < RouteCount; r++)
        {
            var score = _bias[r] + Embeddings.LocalSentenceEmbedder.Dot(vector, _dense[r]);
            foreach (var bucket in words.Buckets)
            {
                score += _words[r][bucket] * words.Weight;
            }

            probabilities[r] = score;
            max = Math.Max(max, score);
        }

        var sum = 0f;
        for (var r = 0; r < RouteCount; r++)
        {
            probabilities[r] = MathF.Exp(probabilities[r] - max);
            sum += probabilities[r];
        }

        for (var r = 0; r < RouteCount; r++)
        {
            probabilities[r] /= sum;
        }
    }
}
