using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>Renders choices under a prompt in the richest form the channel supports.</summary>
public static class ChoiceFactory
{
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    /// <summary>
    /// A copy of <paramref name="prompt"/> with <paramref name="choices"/> rendered in <paramref name="style"/>;
    /// <see cref="ListStyle.Auto"/> picks suggested actions, then a hero card, then inline text, by channel.
    /// </summary>
    public static Activity Render(Activity prompt, IList<Choice> choices, ListStyle style, string? channelId, string? conversationType)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(choices);
        var activity = ActivityCopy.Of(prompt);
        if (choices.Count == 0)
        {
            return activity;
        }
        if (style == ListStyle.Auto)
        {
            style = ChannelCapabilities.SupportsSuggestedActions(channelId, conversationType, choices.Count) ? ListStyle.SuggestedAction
                : ChannelCapabilities.SupportsCardActions(channelId, choices.Count) ? ListStyle.HeroCard
                : ListStyle.Inline;
        }
        switch (style)
        {
            case ListStyle.SuggestedAction:
                activity.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(ToAction)] };
                break;
            case ListStyle.HeroCard:
                activity.Attachments = [.. activity.Attachments ?? [], HeroCard(activity.Text, choices)];
                activity.Text = null;
                break;
            case ListStyle.Inline:
                activity.Text = Join(activity.Text, string.Join(", ", Numbered(choices)), " ");
                break;
            case ListStyle.List:
                activity.Text = Join(activity.Text, string.Join('\n', Numbered(choices).Select(line => "   " + line)), "\n\n");
                break;
            default:
                break;
        }
        return activity;
    }

    /// <summary>A hero card carrying the prompt text and one imBack button per choice.</summary>
    public static Attachment HeroCard(string? text, IEnumerable<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var buttons = new JsonArray();
        foreach (var action in choices.Select(ToAction))
        {
            buttons.Add(new JsonObject { ["type"] = action.Type, ["title"] = action.Title, ["value"] = action.Value?.DeepClone() });
        }
        var content = new JsonObject { ["buttons"] = buttons };
        if (!string.IsNullOrEmpty(text))
        {
            content["text"] = text;
        }
        return new Attachment { ContentType = HeroCardContentType, Content = content };
    }

    private static CardAction ToAction(Choice choice) => choice.Action ?? CardAction.ImBack(choice.Value);

    private static IEnumerable<string> Numbered(IList<Choice> choices) =>
        choices.Select((c, i) => $"{i + 1}. {c.Action?.Title ?? c.Value}");

    private static string Join(string? text, string list, string separator) =>
        string.IsNullOrEmpty(text) ? list : text + separator + list;
}
