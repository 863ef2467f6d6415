using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State.Postgres;
using Npgsql;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// <see cref="IActivityRelay"/> over PostgreSQL LISTEN/NOTIFY. One connection listens for the whole instance; sends
/// are queued and issued as <c>pg_notify</c> in the background, so a turn never waits for them. A lost connection is
/// re-opened; wake-ups missed meanwhile are caught up by the streams' periodic re-read of the log.
/// </summary>
internal sealed class PostgresActivityRelay(
    PostgresDatabase database, IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<PostgresActivityRelay> logger)
    : BackgroundService, IActivityRelay
{
    private readonly string _channelName = options.Value.NotificationChannel;

    /// <summary>PostgreSQL's payload limit is 8000 bytes; a larger transient is sent as a plain wake-up.</summary>
    private const int MaxPayloadBytes = 7900;

    private readonly string _instanceId = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(
        new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public event Action<string, Activity?>? Received;

    public void Send(string conversationId, Activity? transient)
    {
        // instance \n conversation \n transient activity (JSON, may be empty): ids never hold line breaks.
        var payload = $"{_instanceId}\n{conversationId}\n{(transient is null ? string.Empty : ProtocolJson.Serialize(transient))}";
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            payload = $"{_instanceId}\n{conversationId}\n";
        }
        _outbox.Writer.TryWrite(payload);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendQueuedAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenDedicatedAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {_channelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure, a lost connection or a payload another app version wrote, costs wake-ups only: streams
                // still re-read the log. An exception leaving this service would stop the whole app.
                DirectLineLog.RelayFailed(logger, exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var notify = database.DataSource.CreateCommand($"SELECT pg_notify('{_channelName}', @payload)");
                    notify.Parameters.AddWithValue("payload", payload);
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    DirectLineLog.RelayFailed(logger, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: undelivered wake-ups do not matter, the streams are closing too.
        }
    }

    private void Deliver(string payload)
    {
        var parts = payload.Split('\n', 3);
        if (parts.Length != 3 || parts[0] == _instanceId)
        {
            return;
        }
        var transient = parts[2].Length == 0 ? null : ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(parts[2]));
        Received?.Invoke(parts[1], transient);
    }
}
