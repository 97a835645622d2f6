using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>The SQL Server schema as a DacFx model, built without a server by replaying the migrations: each
/// object's CREATE statement is kept (as ScriptDom's syntax tree) and the ALTER / DROP statements of later
/// migrations are applied to it, so the model after migration N holds exactly the objects and columns a database
/// has once N is applied. DacFx then resolves every name in views, procedures and checked statements against it.</summary>
public sealed class SqlServerSchemaModel
{
    private readonly Dictionary<string, TSqlStatement> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly List<Checked> _checks = [];

    private sealed record Checked(string Name, string Body, IReadOnlyDictionary<string, string> Parameters);

    /// <summary>The schema once the runner's script and every migration up to <paramref name="upTo"/> are applied.</summary>
    public static SqlServerSchemaModel AfterMigration(int upTo)
    {
        var schema = new SqlServerSchemaModel();
        schema.Apply("runner/create_version_table.sql", File.ReadAllText(RepoPaths.Of("sql/sqlserver/runner/create_version_table.sql")));
        foreach (var (version, path) in Migrations().Where(m => m.Version <= upTo))
            schema.Apply(path, File.ReadAllText(RepoPaths.Of("sql/sqlserver/" + path)));
        return schema;
    }

    /// <summary>The numbered migrations found in sql/sqlserver/ (NNN_name.sql), in order.</summary>
    public static IReadOnlyList<(int Version, string Path)> Migrations() => SqlServerTexts.ScriptPaths
        .Where(p => !p.Contains('/') && p.Length > 4 && int.TryParse(p[..3], out _))
        .Select(p => (int.Parse(p[..3]), p)).OrderBy(m => m.Item1).ToList();

    /// <summary>Applies one script: its DDL changes the schema, its data statements (INSERT, UPDATE) are checked
    /// against the schema as it stands once the script is applied.</summary>
    public void Apply(string origin, string script)
    {
        var check = TSqlCheck.Of(script);
        if (check.ParseErrors.Count > 0) throw new InvalidOperationException($"{origin}: {string.Join("; ", check.ParseErrors)}");
        var dataStatements = new List<TSqlStatement>();
        foreach (var batch in ((TSqlScript)check.Fragment!).Batches)
            foreach (var statement in batch.Statements)
                Apply(origin, statement, dataStatements);
        for (var i = 0; i < dataStatements.Count; i++)
            Check($"{origin} statement {i + 1}", Script(dataStatements[i]));
    }

    /// <summary>Checks T-SQL statements that are not part of the schema (a load step, a build's reads) by compiling
    /// them as the body of a procedure in the model: every table and column they name must resolve.
    /// <paramref name="parameters"/> declares the values the caller passes (name and T-SQL type). DacFx does not look
    /// into temp tables, so each one the text creates with CREATE TABLE #name is modelled as the table temp.name and
    /// the text reads it under that name: its columns are then checked as well.</summary>
    public void Check(string name, string body, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var check = TSqlCheck.Of(body);
        if (check.ParseErrors.Count > 0) throw new InvalidOperationException($"{name}: {string.Join("; ", check.ParseErrors)}");
        var statements = ((TSqlScript)check.Fragment!).Batches.SelectMany(b => b.Statements).ToList();
        var temps = statements.OfType<CreateTableStatement>().Select(t => t.SchemaObjectName.BaseIdentifier.Value)
            .Where(t => t.StartsWith('#')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (temps.Count > 0 && !_objects.ContainsKey("schema temp")) Apply(name, "CREATE SCHEMA temp;");
        check.Fragment!.Accept(new TempTableNames(temps));
        foreach (var table in statements.OfType<CreateTableStatement>().Where(t => Same(t.SchemaObjectName.SchemaIdentifier?.Value, "temp")))
            Put(Name(table.SchemaObjectName), table);
        var rest = string.Join("\n", statements.Where(s => s is not CreateTableStatement { SchemaObjectName.SchemaIdentifier.Value: "temp" }).Select(Script));
        _checks.Add(new Checked(name, rest, parameters ?? new Dictionary<string, string>()));
    }

    // #name, for the temp tables the text creates, becomes temp.name.
    private sealed class TempTableNames(HashSet<string> temps) : TSqlFragmentVisitor
    {
        public override void Visit(SchemaObjectName node)
        {
            if (node.Identifiers.Count != 1 || !temps.Contains(node.BaseIdentifier.Value)) return;
            node.BaseIdentifier.Value = node.BaseIdentifier.Value.TrimStart('#');
            node.Identifiers.Insert(0, new Identifier { Value = "temp" });
        }
    }

    /// <summary>DacFx's validation of the model: its errors and its warnings, each with the check it is about. Both
    /// count: in a procedure DacFx only warns of a table or a column it cannot find (the server defers name
    /// resolution), yet the statement would fail when run.</summary>
    public IReadOnlyList<string> Problems()
    {
        using var model = new TSqlModel(SqlServerVersion.Sql130, new TSqlModelOptions { Collation = "Vietnamese_100_CI_AS_SC" });
        foreach (var key in _order) model.AddOrUpdateObjects(Script(_objects[key]), key, new TSqlObjectOptions());
        for (var i = 0; i < _checks.Count; i++)
        {
            var (name, body, parameters) = _checks[i];
            var declarations = string.Join(", ", parameters.Select(p => $"@{p.Key} {p.Value}"));
            // Named by number: two checks may stand for the same place (the two commands of one choice).
            model.AddOrUpdateObjects($"CREATE PROCEDURE dbo.[check {i + 1}] {declarations} AS\nBEGIN\n{body}\nEND", $"check {i + 1}", new TSqlObjectOptions());
        }
        var problems = model.Validate().Select(m => $"{m.MessageType} {m.Prefix}{m.Number}: {m.Message}{CheckName(m.Message)}").ToList();
        // A check that did not become a procedure would pass unseen.
        var compiled = model.GetObjects(DacQueryScopes.UserDefined, Procedure.TypeClass).Select(p => p.Name.Parts[^1]).ToHashSet();
        if (compiled.Count != _checks.Count)
            problems.Add($"only {compiled.Count} of {_checks.Count} checked texts compiled into the model; not: " +
                string.Join(", ", _checks.Where((_, i) => !compiled.Contains($"check {i + 1}")).Select(c => c.Name)));
        return problems;
    }

    // A check's procedure is [check N]: name the script it stands for.
    private string CheckName(string message)
    {
        var at = message.IndexOf("[check ", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(message[(at + 7)..message.IndexOf(']', at)], out var n) ? $" (in {_checks[n - 1].Name})" : "";
    }

    public bool Has(string name) => _objects.ContainsKey(name);

    private void Apply(string origin, TSqlStatement statement, List<TSqlStatement> dataStatements)
    {
        switch (statement)
        {
            case CreateSchemaStatement s: Put("schema " + s.Name.Value, s); break;
            case CreateTableStatement s: Put(Name(s.SchemaObjectName), s); break;
            case CreateIndexStatement s: Put($"index {Name(s.OnName)}.{s.Name.Value}", s); break;
            case CreateColumnStoreIndexStatement s: Put($"index {Name(s.OnName)}.{s.Name.Value}", s); break;
            case ViewStatementBody s: Put(Name(s.SchemaObjectName), s); break;                 // CREATE [OR ALTER] VIEW
            case CreateSynonymStatement s: Put(Name(s.Name), s); break;
            case ProcedureStatementBody s: Put(Name(s.ProcedureReference.Name), s); break;
            case FunctionStatementBody s: Put(Name(s.Name), s); break;
            case AlterTableAddTableElementStatement s:
                var added = Table(origin, s.SchemaObjectName).Definition;
                foreach (var column in s.Definition.ColumnDefinitions) added.ColumnDefinitions.Add(column);
                foreach (var constraint in s.Definition.TableConstraints) added.TableConstraints.Add(constraint);
                break;
            case AlterTableDropTableElementStatement s:
                foreach (var element in s.AlterTableDropTableElements) Drop(origin, Table(origin, s.SchemaObjectName).Definition, element);
                break;
            case AlterTableAlterColumnStatement s:
                AlterColumn(origin, Table(origin, s.SchemaObjectName).Definition, s);
                break;
            case DropObjectsStatement s:                                                       // DROP TABLE / VIEW / SYNONYM / PROCEDURE …
                foreach (var name in s.Objects) Remove(origin, Name(name));
                break;
            case DropIndexStatement s:
                foreach (var clause in s.DropIndexClauses.OfType<DropIndexClause>()) Remove(origin, $"index {Name(clause.Object)}.{clause.Index.Value}");
                break;
            case IfStatement s:                                                                // the runner's "create when missing" guards
                Apply(origin, s.ThenStatement, dataStatements);
                break;
            case BeginEndBlockStatement s:
                foreach (var inner in s.StatementList.Statements) Apply(origin, inner, dataStatements);
                break;
            case ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList list }
                when list.Strings.All(x => x is StringLiteral):
                Apply(origin, string.Concat(list.Strings.Cast<StringLiteral>().Select(x => x.Value)));
                break;
            case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement:
                dataStatements.Add(statement);
                break;
            default:
                throw new NotSupportedException($"{origin}: {statement.GetType().Name} is not modelled; teach SqlServerSchemaModel what it does.");
        }
    }

    private void Put(string key, TSqlStatement statement)
    {
        if (!_objects.ContainsKey(key)) _order.Add(key);
        _objects[key] = statement;
    }

    private void Remove(string origin, string key)
    {
        if (!_objects.Remove(key)) throw new InvalidOperationException($"{origin}: drops {key}, which does not exist.");
        _order.Remove(key);
        if (!key.StartsWith("index ", StringComparison.Ordinal))
            foreach (var index in _order.Where(k => k.StartsWith($"index {key}.", StringComparison.OrdinalIgnoreCase)).ToList()) Remove(origin, index);
    }

    private CreateTableStatement Table(string origin, SchemaObjectName name) =>
        _objects.GetValueOrDefault(Name(name)) as CreateTableStatement
        ?? throw new InvalidOperationException($"{origin}: alters table {Name(name)}, which does not exist.");

    private static void Drop(string origin, TableDefinition table, AlterTableDropTableElement element)
    {
        var name = element.Name.Value;
        var removed = element.TableElementType == TableElementType.Column
            ? table.ColumnDefinitions.Remove(table.ColumnDefinitions.SingleOrDefault(c => Same(c.ColumnIdentifier.Value, name))!)
            : table.TableConstraints.Remove(table.TableConstraints.SingleOrDefault(c => Same(c.ConstraintIdentifier?.Value, name))!)
              || table.ColumnDefinitions.Any(c => c.Constraints.Remove(c.Constraints.SingleOrDefault(k => Same(k.ConstraintIdentifier?.Value, name))!))
              || table.ColumnDefinitions.Any(c => Same(c.DefaultConstraint?.ConstraintIdentifier?.Value, name) && (c.DefaultConstraint = null) is null);
        if (!removed) throw new InvalidOperationException($"{origin}: drops {element.TableElementType} {name}, which the table does not have.");
    }

    private static void AlterColumn(string origin, TableDefinition table, AlterTableAlterColumnStatement alter)
    {
        var column = table.ColumnDefinitions.SingleOrDefault(c => Same(c.ColumnIdentifier.Value, alter.ColumnIdentifier.Value))
            ?? throw new InvalidOperationException($"{origin}: alters column {alter.ColumnIdentifier.Value}, which the table does not have.");
        if (alter.DataType is not null) column.DataType = alter.DataType;
        if (alter.Collation is not null) column.Collation = alter.Collation;
        if (alter.AlterTableAlterColumnOption is AlterTableAlterColumnOption.Null or AlterTableAlterColumnOption.NotNull)
        {
            foreach (var nullable in column.Constraints.OfType<NullableConstraintDefinition>().ToList()) column.Constraints.Remove(nullable);
            column.Constraints.Add(new NullableConstraintDefinition { Nullable = alter.AlterTableAlterColumnOption == AlterTableAlterColumnOption.Null });
        }
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Name(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    private static string Script(TSqlFragment fragment)
    {
        new Sql130ScriptGenerator().GenerateScript(fragment, out var script);
        return script;
    }
}
