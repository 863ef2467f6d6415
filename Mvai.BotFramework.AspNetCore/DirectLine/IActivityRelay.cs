using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Carries <see cref="ActivityNotifier"/> wake-ups between app instances, so a stream open on one instance hears
/// about a message another instance appended (or a typing indicator it relayed). Runs as a hosted service.
/// </summary>
internal interface IActivityRelay : IHostedService
{
    /// <summary>A wake-up published by another instance: the conversation, and the transient activity if any.</summary>
    event Action<string, Activity?>? Received;

    /// <summary>Tells the other instances; never blocks and never throws (streams also re-read the log periodically).</summary>
    void Send(string conversationId, Activity? transient);
}

/// <summary>One instance (SQLite): nobody else to tell.</summary>
internal sealed class SingleInstanceActivityRelay : IActivityRelay
{
    public event Action<string, Activity?>? Received
    {
        add { }
        remove { }
    }

    public void Send(string conversationId, Activity? transient)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
