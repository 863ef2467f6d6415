using System.Globalization;

namespace Mvai.Bot.Desk.Requests;

/// <summary>How the agency was reached.</summary>
public enum AgencyContactMethod { Phone, Email, Teams }

/// <summary>Who reached the agency: someone of the IACP MVAI team, or the peer advisor assigned to the request.</summary>
public enum AgencyContactBy { Team, PeerAdvisor }

/// <summary>
/// The team or the peer advisor actually reached the agency, at <paramref name="At"/> (which may be earlier than when
/// it is recorded: a call made before the advisor got to the console). The earliest contact is the request's first
/// contact, the service level the program promises.
/// </summary>
public sealed record AgencyContact(AgencyContactMethod Method, AgencyContactBy By, DateTimeOffset At)
{
    /// <summary>A contact recorded at most this far ahead of the server's clock still counts as "now" (the browser's clock may run ahead).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static string MethodWord(AgencyContactMethod method) => method switch
    {
        AgencyContactMethod.Email => "e-mail",
        AgencyContactMethod.Teams => "Teams",
        _ => "phone",
    };

    /// <summary>The history's detail: "by phone, the MVAI team" or "by Teams, peer advisor Chief Ann Lopez, at 2026-05-12 15:10 UTC".</summary>
    public string HistoryDetail(string? peerAdvisorName, DateTimeOffset recordedAt)
    {
        var who = By == AgencyContactBy.PeerAdvisor ? $"peer advisor {peerAdvisorName}" : "the MVAI team";
        var when = recordedAt - At > TimeSpan.FromMinutes(1)
            ? ", at " + At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : string.Empty;
        return $"by {MethodWord(Method)}, {who}{when}";
    }
}
