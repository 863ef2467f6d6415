using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>Sends a prompt (or its retry) with its choices rendered for the turn's channel.</summary>
internal static class ChoicePromptRendering
{
    public static async Task SendAsync(
        ITurnContext turnContext, PromptOptions options, IList<Choice> choices, ListStyle style, bool isRetry, CancellationToken cancellationToken)
    {
        var template = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (template is null)
        {
            return;
        }
        var conversation = turnContext.Activity.Conversation;
        var activity = ChoiceFactory.Render(template, choices, style, turnContext.Activity.ChannelId, conversation?.ConversationType);
        activity.InputHint ??= InputHints.ExpectingInput;
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }
}
