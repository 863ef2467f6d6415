using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Mvai.BotFramework.State.Relational;

/// <summary>
/// How a point in time is written and read on each engine, once for every store: PostgreSQL keeps it as
/// <c>timestamptz</c>; SQLite as round-trip UTC text (<c>2026-03-01T14:00:00.0000000+00:00</c>), which sorts and
/// compares as time and is the form every existing file already holds. Columns map to properties by name, with
/// underscores (<c>created_at</c> to <c>CreatedAt</c>).
/// </summary>
internal static class SqlTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            // Dapper maps DateTimeOffset parameters itself and would pass them by, so the handler never wrote them:
            // SQLite got Microsoft.Data.Sqlite's "2026-03-01 14:00:00+00:00" beside older files' round-trip text (which
            // sorts after it within a day), PostgreSQL refused non-UTC offsets. Without the built-in mapping the
            // handler writes every instant.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new InstantHandler());
        }
    }

    public static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.Value = value.ToUniversalTime();
                return;
            }
            parameter.DbType = DbType.String;
            parameter.Value = Text(value);
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset at => at,
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ => throw new DataException($"A point in time cannot be read from {value.GetType().Name}."),
        };
    }
}
