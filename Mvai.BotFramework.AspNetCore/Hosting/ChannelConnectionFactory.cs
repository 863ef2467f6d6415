using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Hosting;

/// <summary>Finds where to send for a service URL: a channel hosted in this process, or the Connector at that URL.</summary>
public sealed class ChannelConnectionFactory(IEnumerable<IInProcessChannel> inProcessChannels, ConnectorClient connector)
{
    private readonly Dictionary<string, IInProcessChannel> _inProcess =
        inProcessChannels.ToDictionary(c => c.ServiceUrl, StringComparer.OrdinalIgnoreCase);

    public IChannelConnection ForServiceUrl(string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl))
        {
            throw new InvalidOperationException("The activity has no serviceUrl, so there is nowhere to send replies.");
        }
        return _inProcess.TryGetValue(serviceUrl, out var channel)
            ? channel
            : new ConnectorChannelConnection(connector, serviceUrl);
    }
}
