namespace Mvai.Bot.Intake;

/// <summary>What the intake says, in one place so tests assert against the same words.</summary>
public static class IntakeMessages
{
    public const string Start =
        "I'll take down your request for MVAI assistance. It takes a few minutes; you can type \"help\" at any question, " +
        "\"cancel\" to stop, or \"talk to a person\" to reach an advisor.";

    public const string AskName = "What is your name?";
    public const string RetryName = "Please type your name as you'd like the advisor to address you (for example \"Pat Rivera\").";
    public const string AskTitle = "What is your title or rank?";
    public const string RetryTitle = "Please type your title or rank, for example \"Chief of Police\" or \"Lieutenant, PIO\".";
    public const string AskAgency = "What is the name of your agency?";
    public const string RetryAgency = "Please type the agency's name, for example \"Springfield Police Department\".";
    public const string AskAgencyType = "What kind of agency is it?";
    public const string AskLocation = "Which city and state is the agency in? (for example \"Springfield, IL\")";
    public const string RetryLocation = "I need a city and a US state, like \"Newtown, CT\" or \"Orlando Florida\".";
    public const string AskPhone = "What is the best phone number to reach you?";
    public const string RetryPhone = "That doesn't look like a US phone number. Please type 10 digits, like 555-234-0100 (an extension is fine).";
    public const string AskEmail = "And your email address?";
    public const string RetryEmail = "That doesn't look like an email address. Please type it like name@agency.gov.";
    public const string AskContactMethod = "How would you prefer the advisor contact you?";

    /// <summary>Sent with the contact card; starts like <see cref="AskPhone"/> because typing the number still answers it.</summary>
    public const string AskContactForm = AskPhone + " Type it here, or fill in the form with your email and how you'd like to be contacted too.";
    public const string ContactFormBadPhone = "the phone number needs 10 digits, like 555-234-0100";
    public const string ContactFormBadEmail = "the email address should look like name@agency.gov";
    public const string ContactFormBadContact = "please choose how you'd like to be contacted";

    public static string ContactFormRetry(IEnumerable<string> problems, IEnumerable<string> kept)
    {
        var keptList = string.Join(" and ", kept);
        return $"Almost there: {string.Join("; ", problems)}. " + (keptList.Length > 0 ? $"I kept the {keptList} you entered. " : string.Empty) +
            "Please correct it in the form below, or just type your phone number.";
    }
    public const string AskIncidentType = "What kind of incident was it?";
    public const string AskIncidentDate = "On what date did it happen? (for example \"yesterday\" or \"November 20\")";
    public const string RetryIncidentDate = "I need one definite date that is not in the future, like \"yesterday\", \"last Friday\" or \"11/20/2026\".";
    public const string AskSceneActive = "Is the scene still active: is there an ongoing threat right now?";

    public const string SceneActiveStop =
        "Please call 911 (or your dispatch and incident command) now and focus on the response. " +
        "MVAI is a peer advisory service that helps after the event; it is not an emergency service. " +
        "Your answers are saved: when the scene is secure, come back and say \"continue my request\".";

    public const string AskKilled = "Roughly how many people were killed? A number is fine, or \"unknown\".";
    public const string AskInjured = "Roughly how many were injured? A number, or \"unknown\".";
    public const string RetryCount = "Please give a number (a rough estimate is fine), or say \"unknown\".";
    public const string AskHelpNeeded = "What kinds of help does your agency need? Choose one or more (for example \"1, 3\" or \"media and wellness\"):";
    public const string RetryHelpNeeded = "Please pick one or more of the numbers or names from the list.";
    public const string AskUrgency = "How urgent is this?";
    public const string AskDetails = "Is there anything else the advisor should know? (or \"no\")";
    public const string AskConsent = "May we share these details with the IACP MVAI advisory team so they can match you with a peer advisor?";

    public const string NoConsent =
        "Understood. Without your consent I can't send the request to the advisory team, so I haven't stored it. " +
        "You can still talk to an advisor directly, or start again any time.";

    public const string SummaryIntro = "Here is your request. Please check it:";
    public const string AskSummaryAction = "Shall I send it?";
    public const string Confirm = "Confirm and send";
    public const string Change = "Change something";
    public const string Cancel = "Cancel";
    public const string AskWhichField = "What would you like to change?";

    public const string SubmitFailed =
        "I'm sorry, I couldn't save your request just now, so it has NOT been sent yet. Your answers are kept. " +
        "Please choose \"Confirm and send\" again in a moment.";

    public const string CancelConfirm = "Do you want to cancel this request? The answers you gave will be discarded.";
    public const string Cancelled = "Your request was cancelled and nothing was stored. I'm here if you need anything else.";
    public const string NotCancelled = "OK, let's continue.";

    public const string GaveUp =
        "I'm sorry, I'm having trouble with that answer. Let me connect you with an MVAI advisor who can finish this request with you; your answers so far are kept.";

    public const string WelcomeBack = "Welcome back. You were in the middle of a request for MVAI assistance; let's pick up where we stopped.";

    public const string VersionRestart =
        "I've been updated since we last spoke and had to restart your request. I'm sorry for asking again.";

    public static string Received(string reference, string contact) =>
        $"Your request has been received and stored. Your reference is {reference}.\n\n" +
        "What happens next: the IACP MVAI team reviews every request and pairs your agency with a peer advisor, a law " +
        $"enforcement leader who has led an agency through a similar event. They will contact you {contact}. There is no cost. " +
        $"You can ask me \"status of {reference}\" at any time. If anyone is in danger, call 911.";

    public static string Help(string question) => $"{question} {HelpSuffix}";

    private const string HelpSuffix =
        "Answer in your own words; I'll check it. You can also say \"cancel\" to stop or \"talk to a person\" to reach an advisor.";
}
