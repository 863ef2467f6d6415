using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Understanding;

/// <summary>
/// The one understanding step for every free-text message outside a prompt's expected answer: danger, crisis, a person,
/// a request, its status, an acute incident, a guidance question, small talk or out of scope. A model trained on labelled
/// examples (sentence embedding and words) decides, with the warning-sign patterns beside it; safety is read clause by clause so
/// a crisis said in passing ("what do we tell the press... i dont plan on being around for it") is not outvoted by the ask.
/// </summary>
public sealed partial class MessageUnderstanding : IMessageUnderstanding
{
    private static readonly MessageRoute[] Routes = Enum.GetValues<MessageRoute>();

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly RouteExample[] _examples;
    private readonly float[][] _vectors;
    private readonly UnderstandingTuning _tuning;
    private readonly RouteModel _model;

    private static readonly Lazy<MessageUnderstanding> SharedDefault = new(() =>
        new MessageUnderstanding(new LocalEmbeddingGenerator(LocalSentenceEmbedder.Shared), RouteExamples.LoadDefault()));

    /// <summary>
    /// The shipped examples read by the local model, built once per process (embedding the examples and training take a
    /// few seconds): app instances sharing a process (the tests) share it too.
    /// </summary>
    public static MessageUnderstanding Shared => SharedDefault.Value;

    /// <summary>Embeds the examples once; every message after that costs one embedding per clause.</summary>
    /// <param name="embeddings">The sentence-embedding model.</param>
    /// <param name="examples">Labelled messages.</param>
    /// <param name="tuning">The decision thresholds; the defaults when null.</param>
    public MessageUnderstanding(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<RouteExample> examples, UnderstandingTuning? tuning = null)
        : this(embeddings, examples, Embed(embeddings, examples), tuning)
    {
    }

    /// <summary>Uses examples already embedded (the evaluation's folds share one embedding of the set).</summary>
    /// <param name="embeddings">The sentence-embedding model, for new messages.</param>
    /// <param name="examples">Labelled messages.</param>
    /// <param name="vectors">Their embeddings, in the same order.</param>
    /// <param name="tuning">The decision thresholds; the defaults when null.</param>
    public MessageUnderstanding(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<RouteExample> examples, IReadOnlyList<float[]> vectors, UnderstandingTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(vectors);
        _embeddings = embeddings ?? throw new ArgumentNullException(nameof(embeddings));
        _examples = [.. examples];
        _vectors = [.. vectors];
        _tuning = tuning ?? new UnderstandingTuning();
        _model = RouteModel.Train(_examples, _vectors, _tuning.SafetyWeight, _tuning.WordScale);
    }

    /// <summary>Embeds labelled messages, normalised as messages are.</summary>
    /// <param name="embeddings">The model.</param>
    /// <param name="examples">The messages.</param>
    /// <returns>One vector per example.</returns>
    public static IReadOnlyList<float[]> Embed(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<RouteExample> examples)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(examples);
        return [.. embeddings.GenerateAsync(examples.Select(e => MessageText.Normalize(e.Text))).GetAwaiter().GetResult().Select(e => e.Vector.ToArray())];
    }

    /// <summary>Reads one message.</summary>
    /// <param name="text">The message as typed.</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    /// <returns>The route and what came with it.</returns>
    public async Task<MessageReading> ReadAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = MessageText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Decided(MessageRoute.SmallTalk, "rule: empty");
        }

        if (ReferenceNumber().IsMatch(normalized))
        {
            return Decided(MessageRoute.Status, "rule: reference number");
        }

        var segments = new List<string> { normalized };
        segments.AddRange(MessageText.Clauses(normalized));
        var vectors = await _embeddings.GenerateAsync(segments, cancellationToken: cancellationToken).ConfigureAwait(false);
        var whole = ScoreRoutes(vectors[0].Vector.Span, segments[0]);
        var crisis = whole[MessageRoute.Crisis];
        var danger = whole[MessageRoute.Danger];
        for (var i = 1; i < vectors.Count; i++)
        {
            // The model was trained on whole messages, so a lone clause ("i dont know what to do first") reads more
            // extreme than it is: a clause must be surer than a whole message to decide.
            var clause = ScoreRoutes(vectors[i].Vector.Span, segments[i]);
            crisis = Math.Max(crisis, clause[MessageRoute.Crisis] - _tuning.ClauseDiscount);
            danger = Math.Max(danger, clause[MessageRoute.Danger] - _tuning.ClauseDiscount);
        }

        var nearest = Routes.MaxBy(r => whole[r]);
        var reading = Decide(normalized, whole, nearest, crisis, danger);
        return reading.Route == MessageRoute.OutOfScope
            ? reading with { Scores = whole, Refusal = RefusalOf(normalized, vectors[0].Vector.Span) }
            : reading with { Scores = whole };
    }

    private MessageReading Decide(string normalized, Dictionary<MessageRoute, float> whole, MessageRoute nearest, float crisis, float danger)
    {
        var t = _tuning;
        if (WarningSigns.IsDangerNow(normalized) && (danger >= t.DangerWithSign || nearest is MessageRoute.Danger or MessageRoute.Crisis))
        {
            return Decided(MessageRoute.Danger, "rule: danger now");
        }

        // "hello from the other instance": a short greeting with no warning sign and nothing said of now takes the model's
        // danger or crisis only when it is sure; near-ties of unfamiliar words must not send a greeting the 911 reply.
        var unsureOfAGreeting = IsPlainGreeting(normalized) && Math.Max(danger, crisis) < t.GreetingOutweighs;
        if (!unsureOfAGreeting && (nearest == MessageRoute.Danger || danger >= t.DangerClause))
        {
            return Decided(MessageRoute.Danger, "model: danger");
        }

        if (WarningSigns.IsCrisis(normalized))
        {
            return Decided(MessageRoute.Crisis, "rule: warning sign");
        }

        if (!unsureOfAGreeting && (nearest == MessageRoute.Crisis || crisis >= t.CrisisClause || (WarningSigns.HintsCrisis(normalized) && crisis >= t.CrisisWithSign)))
        {
            return Decided(MessageRoute.Crisis, "model: crisis");
        }

        var route = Routes.Where(r => r is not (MessageRoute.Crisis or MessageRoute.Danger)).MaxBy(r => whole[r]);
        return new MessageReading(route, SafetyKind.None, route == MessageRoute.Guidance && crisis >= t.WellnessConcern, whole, "model");
    }

    private static bool IsPlainGreeting(string normalized) =>
        Greeting().IsMatch(normalized) && normalized.Count(c => c == ' ') < 8
        && !WarningSigns.SpeaksOfNow(normalized) && !WarningSigns.IsCrisis(normalized) && !WarningSigns.HintsCrisis(normalized);

    private Dictionary<MessageRoute, float> ScoreRoutes(ReadOnlySpan<float> vector, string text)
    {
        Span<float> probabilities = stackalloc float[Routes.Length];
        _model.Predict(vector, RouteFeatures.Words(text, _tuning.WordScale), probabilities);
        var scores = new Dictionary<MessageRoute, float>(Routes.Length);
        foreach (var route in Routes)
        {
            scores[route] = probabilities[(int)route];
        }

        return scores;
    }

    // Which refusal: the refusal words where they are clear (a message already read as out of scope), else the kind
    // of the nearest out-of-scope example.
    private SafetyKind RefusalOf(string normalized, ReadOnlySpan<float> vector)
    {
        var verdict = RefusalWords.Screen(normalized).Kind;
        if (verdict is SafetyKind.Tactical or SafetyKind.Legal or SafetyKind.Medical or SafetyKind.OffTopic)
        {
            return verdict;
        }

        var (kind, closest) = (SafetyKind.OffTopic, float.MinValue);
        for (var i = 0; i < _examples.Length; i++)
        {
            if (_examples[i].Route == MessageRoute.OutOfScope && LocalSentenceEmbedder.Dot(vector, _vectors[i]) is var similarity && similarity > closest)
            {
                (kind, closest) = (_examples[i].Refusal is SafetyKind.None ? SafetyKind.OffTopic : _examples[i].Refusal, similarity);
            }
        }

        return kind;
    }

    private static readonly SafetyScreen RefusalWords = new();

    private static MessageReading Decided(MessageRoute route, string because) =>
        new(route, SafetyKind.None, false, new Dictionary<MessageRoute, float>(), because);

    [GeneratedRegex(@"^(hi|hello|hey|howdy|yo|good (morning|afternoon|evening))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\bmvai[\s-]*20\d\d[\s-]*\d{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceNumber();
}
