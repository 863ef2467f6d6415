using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Assistant;

/// <summary>
/// The reply to "we had a shooting today, I don't know what to do first": a person's acknowledgement, 911 if anything is
/// still active, the first hours as one checklist (written from the guidance's first-hours, family assistance, media and
/// wellness documents, not stitched from search hits), and two offers: an advisor now, or the request started with what
/// the message already said.
/// </summary>
public static class AcuteIncidentReply
{
    public const string Text =
        "I'm so sorry. What your agency is facing is one of the hardest things a leader carries, and you don't have to work " +
        "it out alone.\n\n" +
        "**If anything is still active or anyone is in danger, call 911 or your dispatch first.**\n\n" +
        "What leaders who have been through this say matters most in the first hours:\n" +
        "1. **Families first.** Open a family assistance center away from the scene and the media, with victim advocates. " +
        "Death notifications are made in person, by a trained team, before any name is released.\n" +
        "2. **One voice to the media.** One spokesperson, briefings on a set schedule, only confirmed facts, and a joint " +
        "information center with your partners. It's fine to say what you don't know yet.\n" +
        "3. **Your people.** Relieve and rest the officers and dispatchers who were involved, bring in peer support and " +
        "your EAP, and keep checking on them in the days and weeks after, not only tonight.\n" +
        "4. **Partners.** Unified command with fire, EMS, state and federal partners; ask the FBI Victim Services Division " +
        "and your state victim assistance office for help with families.\n" +
        "5. **You.** This will last weeks. Share the load with your command staff and sleep in shifts.\n\n" +
        "An MVAI peer advisor, a leader who has led through a similar event, can talk with you. I can connect you now, " +
        "or start your agency's request with what you've told me.";

    /// <summary>The reply, with the two offers as buttons (suggested actions in Web Chat, card buttons in Teams).</summary>
    /// <returns>The message activity.</returns>
    public static Activity Create()
    {
        var reply = Activity.CreateMessage(Text);
        reply.TextFormat = "markdown";
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [CardAction.ImBack(AssistantMessages.TalkToAdvisor), CardAction.ImBack(AssistantMessages.RequestAssistance)],
        };
        return reply;
    }
}
