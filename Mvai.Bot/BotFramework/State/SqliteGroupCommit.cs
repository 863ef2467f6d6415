using Microsoft.Data.Sqlite;

namespace Mvai.Bot.BotFramework.State;

/// <summary>
/// Group commit for small appends (transcript rows): items that arrive while a batch is being written wait for the next
/// batch, and each batch is one transaction. A caller's task completes once its own item is committed, so what it wrote
/// is readable when the await returns, exactly as with a transaction of its own; under load, many turns share one commit
/// instead of queueing for the write lock one by one.
/// </summary>
/// <param name="database">Where the rows go; batches take its writer connection.</param>
/// <param name="writeOne">Writes one item inside the batch's transaction.</param>
internal sealed class SqliteGroupCommit<T>(SqliteStorage database, Func<SqliteConnection, SqliteTransaction, T, Task> writeOne)
{
    private readonly Lock _lock = new();
    private List<(T Item, TaskCompletionSource Committed)> _pending = [];
    private bool _writing;

    /// <summary>Completes when <paramref name="item"/> is committed; faults if its batch failed.</summary>
    public Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_lock)
        {
            _pending.Add((item, committed));
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        // A cancelled caller stops waiting; its row is still written with the rest of the batch.
        return committed.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(T Item, TaskCompletionSource Committed)> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _pending;
                _pending = [];
            }
            try
            {
                await using var connection = await database.OpenWriterAsync(CancellationToken.None);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                foreach (var (item, _) in batch)
                {
                    await writeOne(connection, transaction, item);
                }
                await transaction.CommitAsync();
                batch.ForEach(entry => entry.Committed.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(entry => entry.Committed.TrySetException(exception));
            }
        }
    }
}
