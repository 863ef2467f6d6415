using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel.ChatCompletion;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.Bot.Intake.Prefill;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>Registers the request-for-assistance intake, its first-message prefill and its durable store.</summary>
public static class IntakeServiceCollectionExtensions
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddSchema(AssistanceRequestStore.Schema);
        services.TryAddSingleton<IAssistanceRequestStore>(sp => new AssistanceRequestStore(
            sp.GetRequiredService<StorageBackend>().Database, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IntakeDialog>();
        services.AddOptions<IntakePrefillOptions>().BindConfiguration(IntakePrefillOptions.SectionName)
            .Validate(o => o.ModelTimeout > TimeSpan.Zero, "Intake:Prefill:ModelTimeout must be positive.")
            .ValidateOnStart();
        // The model reads first messages only when AddKnowledge registered a chat model (Knowledge:OpenAI:*).
        services.TryAddSingleton(sp => new IntakePrefiller(
            sp.GetRequiredService<ILogger<IntakePrefiller>>(),
            sp.GetService<IChatCompletionService>() is null ? null : ActivatorUtilities.CreateInstance<ModelPrefillExtractor>(sp)));
        return services;
    }
}
