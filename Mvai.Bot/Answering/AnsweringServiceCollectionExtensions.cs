using Microsoft.Extensions.DependencyInjection.Extensions;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Answering.Gaps;
using Mvai.Bot.Operations.Background;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Answering;

/// <summary>Registers how answers are sent, recorded and rated (the corpus and the model come from <c>AddKnowledge</c>).</summary>
public static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddAnswering(this IServiceCollection services)
    {
        services.AddBackgroundWork();
        services.TryAddSingleton<GuidanceReplies>();
        services.TryAddSingleton<IAnswerRecordStore>(sp => sp.GetRequiredService<StorageBackend>().Select<IAnswerRecordStore>(
            sqlite => new SqliteAnswerRecordStore(sqlite),
            postgres => new PostgresAnswerRecordStore(postgres)));
        services.TryAddSingleton<AnswerDelivery>();
        services.TryAddSingleton<AnswerFeedback>();
        services.TryAddSingleton<ContentGapReport>();
        return services;
    }
}
