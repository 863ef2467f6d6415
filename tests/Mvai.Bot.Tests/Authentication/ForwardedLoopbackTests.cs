using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>
/// "Loopback only" (development mode, Direct Line without a secret) is decided on the connection's own address:
/// a caller on another address cannot claim to be local with <c>X-Forwarded-For: 127.0.0.1</c>, even with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> set, nor through a proxy it is trusted as.
/// </summary>
public sealed class ForwardedLoopbackTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACallerOnAnotherAddress_ClaimingToBeLoopback_IsRefused(bool callerIsATrustedProxy)
    {
        var address = NonLoopbackAddress();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["urls"] = $"http://{address}:0",
            // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets.
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = callerIsATrustedProxy ? address.ToString() : null,
        });
        var activity = new Conversation(host).NewActivity(ActivityTypes.Message);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(ProtocolJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var token = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
        token.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var messageAnswer = await host.Client.SendAsync(message);
        using var tokenAnswer = await host.Client.SendAsync(token);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (messageAnswer.StatusCode, tokenAnswer.StatusCode));
    }

    /// <summary>An IPv4 address of this machine other than loopback, for the test to connect from and to.</summary>
    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This test needs a network interface with an IPv4 address other than loopback.");
}
