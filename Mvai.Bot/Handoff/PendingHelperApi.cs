// TEMPORARY: the signatures of the alerts/hours parts built on the `alerts` branch, so this compiles
// until that branch is merged (the merge deletes this file).
namespace Mvai.Bot.Handoff.Hours
{
    public sealed record OnCallAdvisor(string Name, string Email, string? Phone);

    public sealed class AdvisorSchedule
    {
        public bool IsOpen(DateTimeOffset at) => at.Hour is >= 13 and < 22;
        public DateTimeOffset NextOpening(DateTimeOffset at) => at.Date.AddDays(1).AddHours(13);
        public OnCallAdvisor? OnCallAt(DateTimeOffset at) => null;
        public string DescribeNextOpening(DateTimeOffset at) => "tomorrow at 8:00 AM Eastern";
    }
}

namespace Mvai.Bot.Handoff.Alerts
{
    public sealed record AdvisorAlert(string CaseId, string Title, int Priority, IReadOnlyList<KeyValuePair<string, string>> Details, Uri? ConsoleLink);

    public interface IAdvisorAlerts
    {
        Task EnqueueAsync(AdvisorAlert alert, CancellationToken cancellationToken);
    }
}

namespace Mvai.Bot
{
    internal sealed class PendingAlerts : Mvai.Bot.Handoff.Alerts.IAdvisorAlerts
    {
        public Task EnqueueAsync(Mvai.Bot.Handoff.Alerts.AdvisorAlert alert, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
