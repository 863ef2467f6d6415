using Mvai.BotFramework.Connector;

namespace Mvai.BotFramework.Authentication;

/// <summary>No outbound token: local development against the Emulator or the Agents Playground.</summary>
internal sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
