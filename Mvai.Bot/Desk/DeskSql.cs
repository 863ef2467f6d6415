using System.Data.Common;

namespace Mvai.Bot.Desk;

/// <summary>Commands with <c>@name</c> parameters, which SQLite and PostgreSQL both take, for the desk's stores.</summary>
internal static class DeskSql
{
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null)
            {
                // Every nullable value here is text; PostgreSQL must be told the type of a null.
                parameter.DbType = System.Data.DbType.String;
            }
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
