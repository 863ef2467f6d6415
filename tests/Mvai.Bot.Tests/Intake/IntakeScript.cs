using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>A chief going through the intake: each line is what they type and the question the bot must ask next.</summary>
public static class IntakeScript
{
    /// <summary>Every answer of a complete intake, after "We need MVAI help", each with the question that follows it.</summary>
    public static readonly (string Answer, string NextQuestion)[] FullIntake =
    [
        ("Pat Rivera", IntakeMessages.AskTitle),
        ("Chief of Police", IntakeMessages.AskAgency),
        ("Springfield Police Department", IntakeMessages.AskAgencyType),
        ("Municipal police", IntakeMessages.AskLocation),
        ("Springfield, IL", IntakeMessages.AskPhone),
        ("555-234-0100", IntakeMessages.AskEmail),
        ("chief@springfield-pd.gov", IntakeMessages.AskContactMethod),
        ("Phone", IntakeMessages.AskIncidentType),
        ("Shooting", IntakeMessages.AskIncidentDate),
        ("yesterday", IntakeMessages.AskSceneActive),
        ("no", IntakeMessages.AskKilled),
        ("three", IntakeMessages.AskInjured),
        ("unknown", IntakeMessages.AskHelpNeeded),
        ("1, wellness", IntakeMessages.AskUrgency),
        ("This week", IntakeMessages.AskDetails),
        ("no", IntakeMessages.AskConsent),
        ("yes", IntakeMessages.AskSummaryAction),
    ];

    /// <summary>Sends <paramref name="text"/> and checks the bot's last message starts with <paramref name="expected"/>.</summary>
    public static async Task<IList<Activity>> ExpectAsync(this Conversation chat, string text, string expected)
    {
        var replies = await chat.SayAsync(text);
        Assert.True(replies.Count > 0, $"No reply to \"{text}\"");
        var last = Said(replies[^1]);
        Assert.True(last.StartsWith(expected, StringComparison.Ordinal), $"After \"{text}\" expected \"{expected}\" but the bot said \"{last}\"");
        return replies;
    }

    /// <summary>What the user reads: the message text, or a hero card's text where choices became a card (Teams).</summary>
    public static string Said(Activity activity) =>
        !string.IsNullOrEmpty(activity.Text) ? activity.Text
            : activity.Attachments?.FirstOrDefault()?.Content?["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Answers the script from <paramref name="from"/> up to (not including) <paramref name="until"/>.</summary>
    public static async Task AnswerAsync(this Conversation chat, int from = 0, int? until = null)
    {
        foreach (var (answer, next) in FullIntake[from..(until ?? FullIntake.Length)])
        {
            await chat.ExpectAsync(answer, next);
        }
    }

    public static int IndexOf(string question) => Array.FindIndex(FullIntake, line => line.NextQuestion == question) + 1;
}
