namespace Mvai.BotFramework.Hosting;

/// <summary>
/// One turn at a time per conversation: a second message from the same conversation waits for the first
/// turn to save its state. Locks are reference-counted so idle conversations cost nothing.
/// </summary>
internal sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries[conversationKey] = entry;
            }
            entry.References++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(conversationKey, entry, held: false);
            throw;
        }
        return new Releaser(this, conversationKey, entry);
    }

    private void Release(string key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Gate.Release();
        }
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int References { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key, entry, held: true);
            }
        }
    }
}
