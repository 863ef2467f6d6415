using System.Globalization;

namespace Mvai.Bot.Tests.Desk;

/// <summary>Two peer advisors on the roster, configured as an operator would (<c>Desk:PeerAdvisors</c>).</summary>
public static class TestRoster
{
    public static void AddTo(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Peer(settings, 0, "lopez", "Chief Ann Lopez", "Chief of Police", "Lakeside Police Department", "IL", ["school", "shooting"], ["wellness"], email: "ann.lopez@lakeside.example");
        Peer(settings, 1, "king", "Sheriff Bo King", "Sheriff", "Travis Plains Sheriff's Office", "TX", ["mass-gathering"], ["media"], phone: "(555) 010-0142");
    }

    private static void Peer(IDictionary<string, string?> settings, int index, string id, string name, string role, string agency, string state,
        string[] incidents, string[] topics, string email = "", string phone = "")
    {
        var key = $"Desk:PeerAdvisors:{index}:";
        settings[key + "Id"] = id;
        settings[key + "Name"] = name;
        settings[key + "Role"] = role;
        settings[key + "Agency"] = agency;
        settings[key + "State"] = state;
        settings[key + "Email"] = email;
        settings[key + "Phone"] = phone;
        for (var i = 0; i < incidents.Length; i++)
        {
            settings[key + "Incidents:" + i.ToString(CultureInfo.InvariantCulture)] = incidents[i];
        }
        for (var i = 0; i < topics.Length; i++)
        {
            settings[key + "Topics:" + i.ToString(CultureInfo.InvariantCulture)] = topics[i];
        }
    }
}
