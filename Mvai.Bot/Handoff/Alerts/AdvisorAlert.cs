namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// What advisors must know about a case: a short title, a priority (shown as given), details as ordered
/// label/value pairs, and the console page to open. Details may hold personal data: they go to the
/// advisors' channels and the database, never to logs.
/// </summary>
public sealed record AdvisorAlert(string CaseId, string Title, int Priority, IReadOnlyList<KeyValuePair<string, string>> Details, Uri? ConsoleLink);
