namespace Mvai.BotFramework.Connector;

/// <summary>Supplies the bearer token the bot puts on Connector calls (null: send none, local development).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
