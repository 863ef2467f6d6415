using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>Builders for the kinds of intake questions: free text with a normaliser, a choice, a yes/no.</summary>
internal static class IntakeFieldKinds
{
    /// <summary>A text answer, accepted when <paramref name="normalize"/> returns a value (which is stored).</summary>
    public static IntakeField Text(
        string name, string label, string question, string retry, Func<string, string?> normalize,
        Func<AssistanceRequest, string?> get, Action<AssistanceRequest, string?> set) =>
        new(name, label, question,
            r => get(r) is not null,
            r => set(r, null),
            get,
            id => new TextPrompt(id, (context, _) =>
            {
                var value = normalize(context.Recognized.Value ?? string.Empty);
                context.Recognized.Value = value ?? string.Empty;
                return Task.FromResult(value is not null);
            }),
            _ => Ask(question, retry),
            (r, value) => set(r, value as string));

    /// <summary>One of an enum's values, shown with its label and recognised from its synonyms too.</summary>
    public static IntakeField Choice<TEnum>(
        string name, string label, string question, IReadOnlyDictionary<TEnum, string> labels,
        Func<AssistanceRequest, TEnum?> get, Action<AssistanceRequest, TEnum?> set,
        IReadOnlyDictionary<TEnum, string[]>? synonyms = null)
        where TEnum : struct, Enum =>
        new(name, label, question,
            r => get(r) is not null,
            r => set(r, null),
            r => get(r) is { } value ? labels[value] : null,
            id => new ChoicePrompt(id),
            _ =>
            {
                var options = Ask(question, "Please choose one of the options.");
                options.Choices = [.. labels.Select(pair => new Choice(pair.Value) { Synonyms = synonyms?.GetValueOrDefault(pair.Key) })];
                return options;
            },
            (r, value) =>
            {
                if (value is FoundChoice found)
                {
                    set(r, labels.Keys.ElementAt(found.Index));
                }
            });

    /// <summary>A yes/no question.</summary>
    public static IntakeField YesNo(
        string name, string label, string question, Func<AssistanceRequest, bool?> get, Action<AssistanceRequest, bool?> set) =>
        new(name, label, question,
            r => get(r) is not null,
            r => set(r, null),
            r => get(r) switch { true => "Yes", false => "No", null => null },
            id => new ConfirmPrompt(id),
            _ => Ask(question, "Please answer yes or no."),
            (r, value) => set(r, value as bool?));

    public static PromptOptions Ask(string question, string retry) => new()
    {
        Prompt = Activity.CreateMessage(question),
        RetryPrompt = Activity.CreateMessage(retry),
        MaxAttempts = IntakeField.MaxAttempts,
    };
}
