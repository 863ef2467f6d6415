namespace Mvai.Bot.Teams;

/// <summary>What the assistant says only in Teams, in one place so tests assert against the same words.</summary>
public static class TeamsMessages
{
    public const string TenantNotAllowed =
        "Sorry, the MVAI Assistant is not available to your organization in Microsoft Teams. " +
        "Please use the MVAI Assistant on the IACP website, or contact the MVAI team through IACP. " +
        "If anyone is in danger right now, call 911.";
}
