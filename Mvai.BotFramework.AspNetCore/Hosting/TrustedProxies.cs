using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from proxies named in <c>ForwardedHeaders:KnownProxies</c>
/// and <c>ForwardedHeaders:KnownNetworks</c> (and loopback, a proxy on the same machine). ASP.NET Core's own switch,
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, believes them from anyone, and before the app could note the connection's
/// own address, so it is turned off: the app applies them itself.
/// </summary>
public static class TrustedProxies
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>ASP.NET Core's switch, as configuration sees <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>.</summary>
    private const string FrameworkSwitch = "FORWARDEDHEADERS_ENABLED";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read when the pipeline is built, by the framework's startup filter and options setup: both stand down.
        configuration[FrameworkSwitch] = "false";
        var section = configuration.GetSection(SectionName);
        var proxies = Values(section.GetSection("KnownProxies"));
        var networks = Values(section.GetSection("KnownNetworks"));
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{SectionName}:KnownProxies holds '{proxy}', which is not an IP address."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{SectionName}:KnownNetworks holds '{network}', which is not a CIDR network."));
            }
        });
        return services;
    }

    /// <summary>Notes the address the connection itself comes from, then applies the forwarded headers of trusted proxies.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        app.Use((http, next) =>
        {
            http.Features.Set(new ConnectionAddress(http.Connection.RemoteIpAddress));
            return next(http);
        });
        return app.UseForwardedHeaders();
    }

    /// <summary>
    /// The address to decide "loopback only" on: the connection's own address, unless that is loopback and a proxy on
    /// this machine forwarded the request, in which case the client it names. Only both being loopback makes a local caller.
    /// </summary>
    public static IPAddress? LocalityAddress(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var own = http.Features.Get<ConnectionAddress>()?.Address ?? http.Connection.RemoteIpAddress;
        return own is not null && IPAddress.IsLoopback(own) ? http.Connection.RemoteIpAddress : own;
    }

    private static string[] Values(IConfigurationSection list) =>
        [.. list.GetChildren().Select(item => item.Value?.Trim()).Where(value => !string.IsNullOrEmpty(value)).Select(value => value!)];

    private sealed record ConnectionAddress(IPAddress? Address);
}
