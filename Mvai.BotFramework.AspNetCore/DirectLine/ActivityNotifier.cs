using System.Collections.Concurrent;
using System.Threading.Channels;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Fan-out to the open streams of a conversation. A published activity either was just appended to the
/// log (the stream re-reads the log from its watermark) or is transient (typing), in which case it is
/// delivered as is. Streams on this instance are woken directly; the <see cref="IActivityRelay"/> wakes
/// those open on other instances.
/// </summary>
internal sealed class ActivityNotifier
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new(StringComparer.Ordinal);
    private readonly IActivityRelay _relay;

    public ActivityNotifier(IActivityRelay relay)
    {
        _relay = relay;
        relay.Received += Deliver;
    }

    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Wakes the conversation's streams; <paramref name="transient"/> is sent to them directly.</summary>
    public void Publish(string conversationId, Activity? transient)
    {
        Deliver(conversationId, transient);
        _relay.Send(conversationId, transient);
    }

    private void Deliver(string conversationId, Activity? transient)
    {
        if (_subscribers.TryGetValue(conversationId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Keys)
            {
                subscription.Writer.TryWrite(new Notification(transient));
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.ConversationId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
        }
    }

    /// <summary>One wake-up: null <see cref="Transient"/> means "new activities are in the log".</summary>
    internal sealed record Notification(Activity? Transient);

    /// <summary>One open stream's inbox; dispose to unsubscribe.</summary>
    internal sealed class Subscription(ActivityNotifier owner, string conversationId) : IDisposable
    {
        private readonly Channel<Notification> _channel = Channel.CreateBounded<Notification>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public string ConversationId { get; } = conversationId;
        public ChannelReader<Notification> Reader => _channel.Reader;
        internal ChannelWriter<Notification> Writer => _channel.Writer;

        public void Dispose()
        {
            owner.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
