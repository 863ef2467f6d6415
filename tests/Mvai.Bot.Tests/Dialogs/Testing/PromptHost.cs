using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;

namespace Mvai.Bot.Tests.Dialogs.Testing;

/// <summary>A root that asks one prompt, then says <c>describe(result)</c> and ends with the result.</summary>
public static class PromptHost
{
    public static Dialog Create(Dialog prompt, Func<PromptOptions> options, Func<object?, string> describe) =>
        new TestComponent(
            "prompt-host",
            new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync(prompt.Id, options(), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(describe(step.Result), ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]),
            prompt);
}
