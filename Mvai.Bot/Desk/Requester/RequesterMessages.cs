using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requester;

/// <summary>What the requesting agency hears about its request, in its own channel.</summary>
public static class RequesterMessages
{
    public const string NotFound =
        "I can't find a request with that reference made in this conversation. Please check the number, or ask to talk to an advisor.";

    public static string Matched(StoredAssistanceRequest stored, PeerAdvisor peer)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(peer);
        return $"An update on your request {stored.Reference}: the MVAI team has matched your agency with {Introduce(peer)}. " +
            $"They will contact you {IntakeSummary.ContactPhrase(stored.Request)}{PeerContact(peer)}. " +
            $"You can ask me \"status of {stored.Reference}\" at any time.";
    }

    public static string Status(StoredAssistanceRequest stored, PeerAdvisor? peer)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var status = stored.Status switch
        {
            RequestStatus.New => "received and waiting for the MVAI team to review it",
            RequestStatus.InReview => "being reviewed by the MVAI team, who are finding the right peer advisor for your agency",
            RequestStatus.Matched when peer is not null =>
                $"matched with {Introduce(peer)}, who will contact you {IntakeSummary.ContactPhrase(stored.Request)}{PeerContact(peer)}",
            RequestStatus.Matched => "matched with a peer advisor, who will contact you",
            RequestStatus.Connected => peer is null ? "connected with your peer advisor" : $"connected with your peer advisor, {peer.Name}",
            RequestStatus.Withdrawn => "withdrawn at your request",
            _ => "closed",
        };
        return $"Request {stored.Reference}, submitted {stored.SubmittedAt:MMMM d, yyyy}, is {status}." + (stored.Status.IsFinished() ? string.Empty :
            $" To add information, say \"add to {stored.Reference}: \" and what to add; to withdraw it, \"cancel my request {stored.Reference}\".");
    }

    public static string Withdrawn(string reference) =>
        $"Your request {reference} is withdrawn, and the MVAI team can see that. If you need MVAI help later, just ask: there is no cost.";

    public static string AlreadyFinished(string reference, RequestStatus status) =>
        $"Request {reference} is already {(status == RequestStatus.Withdrawn ? "withdrawn" : "closed")}. If you need MVAI help again, just ask.";

    public static string Added(string reference) => $"Added to your request {reference}. The MVAI team sees it with the request.";

    public static string WhatToAdd(string reference) =>
        $"What would you like to add? Send it in one message starting with \"add to {reference}: \".";

    public static string TooLong(string reference, int max) =>
        $"That is longer than I can add to {reference} ({max} characters at most). Please send it in shorter parts, or ask to talk to an advisor.";

    public const string TryAgain = "I couldn't change your request just now. Please try again in a moment.";

    private static string Introduce(PeerAdvisor peer)
    {
        var who = string.Join(", ", new[] { peer.Role, peer.Agency }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return who.Length == 0 ? peer.Name : $"{peer.Name}, {who}";
    }

    private static string PeerContact(PeerAdvisor peer)
    {
        var ways = new[] { peer.Phone, peer.Email }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return ways.Count == 0 ? string.Empty : $" (you can also reach them at {string.Join(" or ", ways)})";
    }
}
