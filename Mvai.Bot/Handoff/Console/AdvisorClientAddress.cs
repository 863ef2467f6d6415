using System.Net;

namespace Mvai.Bot.Handoff.Console;

/// <summary>The client address as the sign-in limits and the lockout count it: IPv4 and IPv4-mapped IPv6 alike.</summary>
internal static class AdvisorClientAddress
{
    public static string Key(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
