using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>
/// Asks the configured chat model (the same Semantic Kernel OpenAI connector the knowledge answers use) for the
/// facts of a first message as a strict JSON object. Any failure, a slow answer or an unreadable one gives null:
/// the intake then goes on with what the rules found, and the user never sees the difference.
/// </summary>
internal sealed class ModelPrefillExtractor(IChatCompletionService chat, IOptions<IntakePrefillOptions> options, ILogger<ModelPrefillExtractor> logger)
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

#pragma warning disable SKEXP0010 // ResponseFormat with a type: strict JSON schema output, experimental in SK but stable on the wire.
    private static readonly OpenAIPromptExecutionSettings Settings = new()
    {
        ResponseFormat = typeof(ModelPrefillAnswer),
        Temperature = 0,
        MaxTokens = 300,
    };
#pragma warning restore SKEXP0010

    public async Task<ModelPrefillAnswer?> ExtractAsync(string message, DateOnly userToday, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(ModelPrefillPrompt.System(userToday));
        history.AddUserMessage(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ModelTimeout);
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, Settings, cancellationToken: timeout.Token);
            var answer = string.IsNullOrWhiteSpace(reply.Content) ? null : JsonSerializer.Deserialize<ModelPrefillAnswer>(reply.Content, ReadOptions);
            if (answer is null)
            {
                IntakePrefillLog.ModelPrefillFailed(logger, "empty reply");
            }
            return answer;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the kind of failure is logged: an exception's message may quote the reply, which may quote the user.
            IntakePrefillLog.ModelPrefillFailed(logger, timeout.IsCancellationRequested ? "timed out" : e is JsonException ? "unreadable reply" : e.GetType().Name);
            return null;
        }
    }
}
