using System.Data.Common;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The units, fields and procedures of the warehouse held in memory for one load (a few thousand rows), so a
/// dossier's keys are dictionary look-ups instead of three correlated queries. A member the warehouse does not have is
/// created at first sight (an inferred unit, a new field or procedure) and given, when the load ends, the attributes
/// the SQL steps give it: the greatest value over the snapshot's rows. The procedures that existed already get their
/// snapshot's attributes through the script's keep_procedure_history and update_procedures steps (type 1, revertible),
/// from the summary <see cref="CompleteAsync"/> writes to stg_procedure.</summary>
internal sealed class SqliteDimensionKeys(SqliteConnection connection, DbTransaction transaction)
{
    private readonly Dictionary<string, List<AgencyVersion>> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> _inferredAgencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcedureMember> _procedures = new(StringComparer.Ordinal);

    public static async Task<SqliteDimensionKeys> LoadAsync(SqliteConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var keys = new SqliteDimensionKeys(connection, transaction);
        foreach (var a in await Query<(long Key, string Code, string ValidFrom, string? ValidTo)>(
                     connection, transaction, "SELECT agency_key, agency_code, valid_from, valid_to FROM dim_agency", ct))
        {
            if (!keys._agencies.TryGetValue(a.Code, out var versions)) keys._agencies[a.Code] = versions = [];
            versions.Add(new AgencyVersion(a.Key, DayKey(a.ValidFrom), a.ValidTo is null ? int.MaxValue : DayKey(a.ValidTo)));
        }
        foreach (var f in await Query<(long Key, string Code)>(connection, transaction, "SELECT field_key, field_code FROM dim_field", ct))
            keys._fields[f.Code] = new Member(f.Key, Created: false);
        foreach (var p in await Query<(long Key, string Code)>(connection, transaction, "SELECT procedure_key, procedure_code FROM dim_procedure", ct))
            keys._procedures[p.Code] = new ProcedureMember(p.Key, Created: false);
        return keys;
    }

    /// <summary>The unit version valid on the day the dossier was received (<paramref name="day"/>, yyyymmdd), else its
    /// latest version; an unknown code becomes an inferred unit (Kimball's inferred member, completed in place when the
    /// reference file names it).</summary>
    public long Agency(string code, string? name, int day)
    {
        if (_inferredAgencies.TryGetValue(code, out var inferred))
        {
            inferred.Name = Greatest(inferred.Name, name);
            return inferred.Key;
        }
        if (!_agencies.TryGetValue(code, out var versions))
        {
            var key = Insert("INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from, is_inferred) " +
                             "VALUES (@code, @name, 'unknown', '1900-01-01', 1) RETURNING agency_key", new { code, name = name ?? code });
            _inferredAgencies[code] = new Member(key, Created: true) { Name = name };
            return key;
        }
        var latest = versions[0];
        foreach (var v in versions)
        {
            if (v.ValidFrom <= day && day < v.ValidTo) return v.Key;
            if (v.ValidFrom > latest.ValidFrom) latest = v;
        }
        return latest.Key;
    }

    public long? Field(string? code, string? name)
    {
        if (code is null) return null;
        if (!_fields.TryGetValue(code, out var field))
            _fields[code] = field = new Member(Insert("INSERT INTO dim_field (field_code, field_name) VALUES (@code, @name) RETURNING field_key",
                new { code, name }), Created: true);
        if (field.Created) field.Name = Greatest(field.Name, name);
        return field.Key;
    }

    public long Procedure(string code, string? name, long? fieldKey, string? onlineService)
    {
        if (!_procedures.TryGetValue(code, out var procedure))
            _procedures[code] = procedure = new ProcedureMember(Insert(
                "INSERT INTO dim_procedure (procedure_code, procedure_name, field_key, online_service) " +
                "VALUES (@code, @name, @fieldKey, @onlineService) RETURNING procedure_key", new { code, name, fieldKey, onlineService }), Created: true)
            {
                Written = (name, fieldKey, onlineService),
            };
        procedure.Seen = true;
        procedure.Name = Greatest(procedure.Name, name);
        if (fieldKey > procedure.FieldKey || procedure.FieldKey is null) procedure.FieldKey = fieldKey ?? procedure.FieldKey;
        procedure.OnlineService = Greatest(procedure.OnlineService, onlineService);
        return procedure.Key;
    }

    /// <summary>Gives the members this load created the snapshot's greatest attributes, and writes the snapshot's
    /// attributes of the procedures that existed already to stg_procedure for the script's revertible update.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var agency in _inferredAgencies.Values.Where(a => a.Name is not null))
            await Execute("UPDATE dim_agency SET agency_name = @Name WHERE agency_key = @Key", agency, ct);
        foreach (var field in _fields.Values.Where(f => f.Created))
            await Execute("UPDATE dim_field SET field_name = @Name WHERE field_key = @Key", field, ct);
        foreach (var (code, p) in _procedures.Where(p => p.Value.Seen))
        {
            if (!p.Created)
                await Execute("INSERT INTO temp.stg_procedure (procedure_code, procedure_name, field_key, online_service) " +
                              "VALUES (@code, @Name, @FieldKey, @OnlineService)", new { code, p.Name, p.FieldKey, p.OnlineService }, ct);
            else if (p.Written != (p.Name, p.FieldKey, p.OnlineService))
                await Execute("UPDATE dim_procedure SET procedure_name = @Name, field_key = @FieldKey, online_service = @OnlineService " +
                              "WHERE procedure_key = @Key", p, ct);
        }
    }

    // SQL's MAX over text: NULL ignored, binary order (ordinal differs from UTF-8 byte order only for characters
    // beyond the Basic Multilingual Plane against U+E000–U+FFFF, which codes and names here do not use).
    private static string? Greatest(string? a, string? b) => a is null ? b : b is null || string.CompareOrdinal(a, b) >= 0 ? a : b;

    private long Insert(string sql, object parameters) => connection.ExecuteScalar<long>(sql, parameters, transaction);

    private Task Execute(string sql, object parameters, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));

    private static Task<IEnumerable<T>> Query<T>(SqliteConnection connection, DbTransaction transaction, string sql, CancellationToken ct) =>
        connection.QueryAsync<T>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));

    // valid_from and valid_to are yyyy-MM-dd text (valid_to exclusive, NULL while valid): compared as day keys.
    private static int DayKey(string day) => DateKey.Of(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private sealed record AgencyVersion(long Key, int ValidFrom, int ValidTo);

    /// <summary>A unit or field; one this load created takes the greatest name the snapshot gives it.</summary>
    private sealed record Member(long Key, bool Created)
    {
        public string? Name { get; set; }
    }

    /// <summary>A procedure and the greatest attributes the snapshot gives it.</summary>
    private sealed record ProcedureMember(long Key, bool Created)
    {
        public string? Name { get; set; }
        public long? FieldKey { get; set; }
        public string? OnlineService { get; set; }
        /// <summary>The attributes it was created with (its first row), to tell whether the snapshot's greatest differ.</summary>
        public (string?, long?, string?) Written { get; init; }
        public bool Seen { get; set; }
    }
}
