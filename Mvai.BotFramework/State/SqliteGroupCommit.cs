using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mvai.BotFramework.State;

/// <summary>
/// Group commit for the small writes of many concurrent turns (state documents, transcript rows): work that arrives
/// while a batch is being written waits for the next batch, and each batch is one transaction. Every piece of work runs
/// in a savepoint of its own, so one that fails (a lost ETag race, a constraint) is rolled back alone and only its
/// caller sees the error. A caller's task completes once the batch holding its work is committed, so what it wrote is
/// durable and readable when the await returns, exactly as with a transaction of its own; under load, many turns share
/// one commit (one WAL append, one lock round) instead of queueing for the write lock one by one.
/// </summary>
/// <param name="database">Where the work is written; batches take its writer connection.</param>
internal sealed class SqliteGroupCommit(SqliteStorage database)
{
    private readonly Lock _lock = new();
    private List<IWork> _pending = [];
    private bool _writing;

    /// <summary>Runs <paramref name="work"/> in the next batch; completes with its result once that batch is committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var queued = new Work<T>(work);
        bool lead;
        lock (_lock)
        {
            _pending.Add(queued);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        // A cancelled caller stops waiting; its work is still written with the rest of the batch.
        return queued.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<IWork> batch;
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
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<IWork> batch)
    {
        var done = new List<IWork>(batch.Count);
        try
        {
            await using var connection = await database.OpenSqliteWriterAsync(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var work in batch)
            {
                await RunInSavepointAsync(connection, transaction, work);
                done.Add(work);
            }
            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // The batch is lost (storage down, disk full, a savepoint that could not be rolled back): every caller whose
            // work was in it, or had not run yet, hears of it; none of it is committed.
            batch.ForEach(work => work.Fail(exception));
            return;
        }
        done.ForEach(work => work.Complete());
    }

    private static async Task RunInSavepointAsync(SqliteConnection connection, SqliteTransaction transaction, IWork work)
    {
        await ExecuteAsync(connection, transaction, "SAVEPOINT work");
        try
        {
            await work.RunAsync(connection, transaction);
        }
        catch (Exception exception) when (exception is not DbException || !StorageFailure.IsStorageDown(exception))
        {
            // This caller's work only: undo it and go on with the others. Should the rollback itself fail, the whole
            // batch fails with that error.
            await ExecuteAsync(connection, transaction, "ROLLBACK TO work");
            work.Fail(exception);
        }
        await ExecuteAsync(connection, transaction, "RELEASE work");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private interface IWork
    {
        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Work<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work) : IWork
    {
        private T? _result;

        public TaskCompletionSource<T> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) => _result = await work(connection, transaction);

        // A work that failed alone already has its error; TrySet keeps that one.
        public void Complete() => Committed.TrySetResult(_result!);

        public void Fail(Exception exception) => Committed.TrySetException(exception);
    }
}
