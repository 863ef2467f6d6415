using Mvai.Bot.Teams;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;

namespace Mvai.Bot.Assistant;

/// <summary>The assistant's turn pipeline: every step, outermost first, in the one place its order is decided.</summary>
internal static class MvaiAssistantPipeline
{
    public static IServiceCollection AddMvaiAssistantPipeline(this IServiceCollection services) =>
        services.AddBotMiddleware(pipeline => pipeline
            // 1. Saves conversation and user state after every step below and the bot have run, and not when one throws.
            .Use<AutoSaveStateMiddleware>()
            // 2. A Teams tenant not on the allow-list stops here, before anything else reads its activity.
            .Use<TenantAllowListMiddleware>()
            // 3. Outgoing Teams messages whose suggested actions Teams cannot show get them as card buttons.
            .Use<TeamsSuggestedActionsMiddleware>()
            // 4. An Adaptive Card's Action.Execute invoke reaches the bot as the message an Action.Submit would be.
            .Use<CardExecuteMiddleware>()
            // 5. Innermost: the transcript a person taking over reads, written as the bot and the user see the turn.
            .Use<TranscriptLoggerMiddleware>());
}
