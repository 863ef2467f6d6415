namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Acronyms and the words chiefs actually type, grouped with the words the corpus uses. Every
/// group expands both ways: "FAC" finds "family assistance center" and the reverse.
/// </summary>
public static class DomainSynonyms
{
    /// <summary>Synonym groups; each entry is a phrase of one or more words.</summary>
    public static IReadOnlyList<string[]> Groups { get; } =
    [
        ["pio", "public information officer", "spokesperson"],
        ["jic", "joint information center"],
        ["one voice", "mixed messages", "same message", "conflicting statements", "coordinated message"],
        ["fac", "family assistance center"],
        ["eap", "employee assistance program", "employee assistance"],
        ["cism", "critical incident stress management"],
        ["cisd", "critical incident stress debriefing", "debriefing"],
        ["aeap", "antiterrorism and emergency assistance program"],
        ["ovc", "office for victims of crime"],
        ["vsd", "victim services division", "fbi vsd"],
        ["vsrt", "victim services response team"],
        ["ttac", "training and technical assistance center"],
        ["ics", "incident command system", "incident command"],
        ["in charge", "command", "lead agency"],
        ["aar", "after action report", "after action review"],
        ["mvai", "mass violence advisory initiative", "advisor"],
        ["deploy", "sent out", "come out", "on site"],
        ["pfa", "psychological first aid"],
        ["ptsd", "trauma", "posttraumatic stress"],
        ["press", "media", "reporters", "journalists", "news crews", "tv"],
        ["presser", "press conference", "briefing"],
        ["cops", "officers", "guys", "deputies", "troopers", "staff", "personnel"],
        ["shooting", "attack", "mass violence", "incident"],
        ["shooter", "attacker", "gunman", "perpetrator", "suspect"],
        ["donations", "donated", "gifts", "money", "fund"],
        ["relatives", "next of kin", "loved ones"],
        ["kids", "children", "students"],
        ["vigil", "gathering", "remembrance"],
        ["burnout", "fatigue", "exhausted", "tired", "stress"],
        ["sleep", "sleeping", "insomnia"],
        ["rumors", "misinformation", "false reports", "false claims", "fake", "hoax", "social media"],
        ["social media", "facebook", "twitter", "instagram", "tiktok", "online"],
        ["language", "languages", "spanish", "multilingual", "interpreters", "translation", "translators"],
        ["dead", "death", "killed", "died", "deceased", "fatalities"],
        ["notify", "notification", "break the news", "bad news", "knock on the door"],
        ["counselor", "psychologist", "clinician", "therapist", "mental health"],
        ["shrine", "memorial", "tributes", "makeshift memorial", "teddy bears", "stuffed animals", "candles", "flowers"],
        ["remove", "take down", "clear away", "clean up"],
        ["anniversary", "one year", "a year later"],
        ["often", "frequently", "how many times", "schedule", "regularly", "daily"],
        ["home", "house", "doorstep", "front yard"],
        ["privacy", "private", "protect", "leave alone", "harass", "harassing", "hounding"],
        ["volunteers", "volunteering", "helpers"],
        ["reunite", "reunification", "reunify"],
        ["grant", "funding", "pays", "reimburse", "overtime"],
        ["peer support", "peer team"],
        ["lessons", "lessons learned", "learn", "what went wrong", "mistakes"],
        ["help", "assistance", "support"],
        ["chief", "sheriff", "leader"],
        ["mutual aid", "outside agencies", "partners"],
        ["name", "naming", "notoriety"],
        ["self deploy", "self dispatch", "self deployment", "convergence"],
        ["feds", "federal", "fbi"],
        ["dignitaries", "vip", "politicians", "governor", "president", "mayor"],
    ];
}
