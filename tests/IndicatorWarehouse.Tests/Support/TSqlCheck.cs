using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>What Microsoft's T-SQL parser (ScriptDom) says of one text, at the compatibility level the deployment
/// guide requires (sql/sqlserver/README.md: 130, SQL Server 2016): its parse errors, the SQLite-only syntax
/// found in its tokens, and the variables it uses without declaring them (the parameters the caller must pass).</summary>
public sealed class TSqlCheck
{
    /// <summary>The level the deployment guide requires; the parser and the schema model both use it.</summary>
    public const int CompatibilityLevel = 130;

    private TSqlCheck(TSqlFragment? fragment, IList<ParseError> errors)
    {
        Fragment = fragment;
        ParseErrors = errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }

    public TSqlFragment? Fragment { get; }
    public IReadOnlyList<string> ParseErrors { get; }

    public static TSqlCheck Of(string sql)
    {
        var parser = new TSql130Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        return new TSqlCheck(fragment, errors);
    }

    // SQLite functions with no T-SQL function of that name (T-SQL's are DATEADD, CONVERT, ISNULL, STRING_AGG, …).
    private static readonly HashSet<string> SqliteFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "strftime", "julianday", "datetime", "date", "unixepoch", "ifnull", "substr", "instr", "printf", "group_concat",
        "last_insert_rowid", "changes", "total_changes", "typeof", "randomblob", "json_extract", "json_group_array",
        "json_group_object", "glob", "likelihood", "zeroblob",
    };

    // SQLite words that T-SQL reads as plain names (so the parser may accept them) or that mark SQLite-only syntax.
    private static readonly HashSet<string> SqliteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "LIMIT", "GLOB", "PRAGMA", "AUTOINCREMENT", "ROWID", "RETURNING", "CONFLICT",
    };

    /// <summary>SQLite-only syntax, read from the parser's tokens (so nothing inside a string, a comment or a
    /// [quoted name] counts): <c>||</c>, <c>LIMIT</c>, <c>INSERT OR …</c>, <c>ON CONFLICT</c>, <c>GLOB</c>,
    /// SQLite's date and text functions (<c>strftime(</c>, <c>julianday(</c>, <c>datetime(</c>, <c>ifnull(</c>, …).</summary>
    public IReadOnlyList<string> SqliteLeaks()
    {
        var tokens = CodeTokens();
        var leaks = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var previous = i > 0 ? tokens[i - 1] : null;
            string? leak = null;
            if (token.Text == "||" || token.Text == "|" && next?.Text == "|" && next.Offset == token.Offset + 1) leak = "|| (T-SQL joins text with CONCAT)";
            else if (token.TokenType == TSqlTokenType.Insert && next?.TokenType == TSqlTokenType.Or) leak = "INSERT OR …";
            else if (token.TokenType == TSqlTokenType.Identifier && SqliteWords.Contains(token.Text)
                     && previous?.TokenType != TSqlTokenType.Dot) leak = token.Text.ToUpperInvariant();
            else if (token.TokenType == TSqlTokenType.Identifier && SqliteFunctions.Contains(token.Text)
                     && next?.TokenType == TSqlTokenType.LeftParenthesis && previous?.TokenType != TSqlTokenType.Dot
                     && !IsTypeName(tokens, i)) leak = token.Text + "(";
            if (leak is not null) leaks.Add($"line {token.Line}: {leak}");
        }
        return leaks;
    }

    // Built-in functions that came after SQL Server 2016: the level-130 parser reads them as calls of unknown
    // functions, which only the server would refuse.
    private static readonly Dictionary<string, string> NewerFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STRING_AGG"] = "2017", ["TRIM"] = "2017", ["CONCAT_WS"] = "2017", ["TRANSLATE"] = "2017",
        ["APPROX_COUNT_DISTINCT"] = "2019", ["GREATEST"] = "2022", ["LEAST"] = "2022", ["DATE_BUCKET"] = "2022",
        ["GENERATE_SERIES"] = "2022", ["DATETRUNC"] = "2022", ["JSON_OBJECT"] = "2022", ["JSON_ARRAY"] = "2022",
        ["JSON_PATH_EXISTS"] = "2022",
    };

    /// <summary>Calls of built-in functions that SQL Server 2016 (level 130) does not have.</summary>
    public IReadOnlyList<string> NewerThanRequiredLevel()
    {
        var tokens = CodeTokens();
        return tokens.Where((t, i) => NewerFunctions.ContainsKey(t.Text) && i + 1 < tokens.Count
                && tokens[i + 1].TokenType == TSqlTokenType.LeftParenthesis && (i == 0 || tokens[i - 1].TokenType != TSqlTokenType.Dot))
            .Select(t => $"line {t.Line}: {t.Text.ToUpperInvariant()} needs SQL Server {NewerFunctions[t.Text]}")
            .ToList();
    }

    /// <summary>String literals holding a character outside ASCII without the N prefix: SQL Server reads them in the
    /// database's 8-bit code page, where most Vietnamese letters do not exist (they arrive as '?').</summary>
    public IReadOnlyList<string> UnmarkedUnicodeLiterals() => CodeTokens()
        .Where(t => t.TokenType == TSqlTokenType.AsciiStringLiteral && t.Text.Any(c => c > 127))
        .Select(t => $"line {t.Line}: {t.Text} is not N'…'").ToList();

    // The tokens that are code: no white space, no comment.
    private List<TSqlParserToken> CodeTokens() => Fragment?.ScriptTokenStream?.Where(t => t.Text is not null && t.TokenType is not
        (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment or TSqlTokenType.EndOfFile)).ToList() ?? [];

    // CAST(x AS date) and DECLARE @d date are types, not calls; only date( … ) after AS or a variable could be.
    private static bool IsTypeName(List<TSqlParserToken> tokens, int i) =>
        i > 0 && tokens[i - 1].TokenType is TSqlTokenType.As or TSqlTokenType.Variable;

    /// <summary>Columns a grouped query (GROUP BY, or an aggregate in its select list) reads outside an aggregate and
    /// outside its GROUP BY: SQLite takes them from an arbitrary row of the group, SQL Server refuses the query (error
    /// 8120). Columns are matched by name, so the check errs towards passing.</summary>
    public IReadOnlyList<string> UngroupedColumns()
    {
        var found = new List<string>();
        Fragment?.Accept(new GroupedQueries(found));
        return found;
    }

    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "AVG", "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG", "GROUPING", "CHECKSUM_AGG",
    };

    private static bool IsAggregate(FunctionCall call) => call.OverClause is null && Aggregates.Contains(call.FunctionName.Value);

    private sealed class GroupedQueries(List<string> found) : TSqlFragmentVisitor
    {
        public override void Visit(QuerySpecification query)
        {
            var grouped = query.GroupByClause?.GroupingSpecifications.OfType<ExpressionGroupingSpecification>().Select(g => g.Expression).ToList() ?? [];
            var scalars = query.SelectElements.OfType<SelectScalarExpression>().ToList();
            if (grouped.Count == 0 && !scalars.Any(e => HasAggregate(e.Expression)) && query.HavingClause is null) return;
            var groupedNames = grouped.OfType<ColumnReferenceExpression>().Select(LastName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var groupedTexts = grouped.Select(Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var aliases = scalars.Select(e => e.ColumnName?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            void Check(ScalarExpression? e, bool aliasesToo)
            {
                if (e is null || groupedTexts.Contains(Text(e))) return;
                var columns = new OutsideAggregates();
                e.Accept(columns);
                foreach (var column in columns.Found.Where(c => !groupedNames.Contains(LastName(c)) && !(aliasesToo && aliases.Contains(LastName(c)))))
                    found.Add($"line {column.StartLine}: {Text(column)} is neither grouped nor aggregated");
            }
            foreach (var element in query.SelectElements)
            {
                if (element is SelectStarExpression star) found.Add($"line {star.StartLine}: * in a grouped query");
                else if (element is SelectScalarExpression scalar) Check(scalar.Expression, false);
            }
            if (query.HavingClause?.SearchCondition is { } having)
            {
                var columns = new OutsideAggregates();
                having.Accept(columns);
                foreach (var column in columns.Found.Where(c => !groupedNames.Contains(LastName(c))))
                    found.Add($"line {column.StartLine}: {Text(column)} in HAVING is neither grouped nor aggregated");
            }
            foreach (var order in query.OrderByClause?.OrderByElements ?? []) Check(order.Expression, true);
        }

        private static bool HasAggregate(ScalarExpression e)
        {
            var finder = new OutsideAggregates();
            e.Accept(finder);
            return finder.SawAggregate;
        }

        private static string LastName(ColumnReferenceExpression c) => c.MultiPartIdentifier?.Identifiers[^1].Value ?? "";
    }

    // Column references outside aggregates and subqueries (a subquery is a query of its own).
    private sealed class OutsideAggregates : TSqlFragmentVisitor
    {
        public List<ColumnReferenceExpression> Found { get; } = [];
        public bool SawAggregate { get; private set; }

        public override void ExplicitVisit(FunctionCall node)
        {
            if (IsAggregate(node)) SawAggregate = true;
            else base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(ScalarSubquery node) { }
        public override void ExplicitVisit(ExistsPredicate node) { }
        public override void ExplicitVisit(InPredicate node)
        {
            if (node.Subquery is null) base.ExplicitVisit(node);
            else node.Expression?.Accept(this);
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType == ColumnType.Regular) Found.Add(node);
        }
    }

    private static string Text(TSqlFragment f) =>
        string.Concat(Enumerable.Range(f.FirstTokenIndex, f.LastTokenIndex - f.FirstTokenIndex + 1)
            .Select(i => f.ScriptTokenStream[i]).Where(t => t.TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment))
            .Select(t => t.Text));

    /// <summary>Variables the text reads without declaring them (DECLARE, a table variable, a procedure
    /// parameter): the parameters whoever sends it must pass.</summary>
    public IReadOnlySet<string> FreeVariables()
    {
        var visitor = new VariableVisitor();
        Fragment?.Accept(visitor);
        return visitor.Used.Except(visitor.Declared, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class VariableVisitor : TSqlFragmentVisitor
    {
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableReference node) => Used.Add(node.Name);
        public override void Visit(VariableTableReference node) => Used.Add(node.Variable.Name);
        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);
        public override void Visit(DeclareTableVariableBody node) => Declared.Add(node.VariableName.Value);
        public override void Visit(ProcedureParameter node) => Declared.Add(node.VariableName.Value);
    }
}
