namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// What advisors must know about a case: a short title, a priority (shown as given), details as ordered
/// label/value pairs, and the console page to open. Details may hold personal data: they go to the
/// advisors' channels and the database, never to logs. <paramref name="WakeOnCall"/> false is news for the team rather
/// than a call for someone now: it goes to the <c>AlwaysCopy</c> addresses and the webhook, and to the on-call
/// advisor only when there is no copy address (so it always reaches someone).
/// </summary>
public sealed record AdvisorAlert(
    string CaseId, string Title, int Priority, IReadOnlyList<KeyValuePair<string, string>> Details, Uri? ConsoleLink, bool WakeOnCall = true);
