using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Answering.Gaps;
using Mvai.Bot.Operations.Background;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Answering;

/// <summary>Registers how answers are sent, recorded and rated (the corpus and the model come from <c>AddKnowledge</c>).</summary>
public static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddAnswering(this IServiceCollection services)
    {
        services.AddBackgroundWork();
        services.TryAddSingleton<GuidanceReplies>();
        services.AddSchema(AnswerRecordStore.Schema);
        services.TryAddSingleton<IAnswerRecordStore>(sp => new AnswerRecordStore(sp.GetRequiredService<StorageBackend>().Database));
        services.TryAddSingleton<AnswerDelivery>();
        services.TryAddSingleton<AnswerFeedback>();
        services.TryAddSingleton<ContentGapReport>();
        return services;
    }
}
