using System.Data.Common;
using Dapper;

namespace Mvai.BotFramework.State.Relational;

/// <summary>Statements inside one write transaction of <see cref="SqlDatabase.WriteAsync"/>, run with Dapper.</summary>
public sealed class SqlTransaction(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
{
    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) => connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => connection.ExecuteAsync(Command(sql, parameters));

    private CommandDefinition Command(string sql, object? parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
