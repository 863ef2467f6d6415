using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge.Llm;

/// <summary>
/// With a chat model configured, it reads the messages the offline understanding is unsure of. The offline reading
/// always comes first and stays the floor: a crisis or danger it found is never taken back, the model can only add
/// one (safety is recall first), and any failure, a slow reply or an answer outside the routes keeps the offline
/// route. Sure offline readings never leave the process.
/// </summary>
public sealed partial class LlmAssistedUnderstanding : IMessageUnderstanding
{
    /// <summary>Below this probability of its best route, the offline reading is unsure and the model is asked.</summary>
    public const float UnsureBelow = 0.6f;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(4);
    private readonly IMessageUnderstanding _offline;
    private readonly IChatCompletionService _chat;

    /// <summary>Creates the step.</summary>
    /// <param name="offline">The offline understanding, read first.</param>
    /// <param name="chat">The chat model (the Semantic Kernel OpenAI connector in production).</param>
    public LlmAssistedUnderstanding(IMessageUnderstanding offline, IChatCompletionService chat)
    {
        _offline = offline ?? throw new ArgumentNullException(nameof(offline));
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
    }

    /// <inheritdoc/>
    public async Task<MessageReading> ReadAsync(string text, CancellationToken cancellationToken = default)
    {
        var offline = await _offline.ReadAsync(text, cancellationToken).ConfigureAwait(false);
        if (offline.IsUrgent || offline.Because.StartsWith("rule:", StringComparison.Ordinal)
            || offline.Scores.Count == 0 || offline.Scores.Values.Max() >= UnsureBelow)
        {
            return offline;
        }

        return await AskAsync(text, cancellationToken).ConfigureAwait(false) is { } route && route != offline.Route
            ? offline with { Route = route, Refusal = route == MessageRoute.OutOfScope ? offline.Refusal : Safety.SafetyKind.None, WellnessConcern = offline.WellnessConcern && route == MessageRoute.Guidance, Because = "llm" }
            : offline;
    }

    private async Task<MessageRoute?> AskAsync(string text, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        var history = new ChatHistory(UnderstandingPrompt.System);
        history.AddUserMessage(text);
        try
        {
            var reply = await _chat.GetChatMessageContentAsync(history, cancellationToken: patience.Token).ConfigureAwait(false);
            return Parse(reply.Content);
        }
        catch (Exception e) when (e is HttpOperationException or OperationCanceledException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The route in the model's reply (<c>{"route": "person"}</c>, or the bare name), or null when it names none.</summary>
    internal static MessageRoute? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply) || RouteName().Match(reply) is not { Success: true } match)
        {
            return null;
        }

        return Enum.TryParse<MessageRoute>(match.Groups["route"].Value, ignoreCase: true, out var route) ? route : null;
    }

    [GeneratedRegex(@"""?route""?\s*:\s*""(?<route>[a-z]+)""|^\s*(?<route>[a-z]+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RouteName();
}
