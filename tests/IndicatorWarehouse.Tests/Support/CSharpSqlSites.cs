using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>One place in the C# sources that sends SQL: a Dapper call, an ADO.NET <c>CommandText</c>, or a statement of
/// the product's own handed to the analysts' read-only path (<c>AdHocQuery.RunAsync("SELECT …")</c>). <see cref="Sql"/> is
/// the expression that gives the text; <see cref="Parameters"/> the one that gives its parameters, when there is one.</summary>
public sealed record CSharpSqlSite(string File, int Line, string Member, ExpressionSyntax Sql, ExpressionSyntax? Parameters, bool ReadOnlyPath)
{
    public override string ToString() => $"{Member} ({File}:{Line})";
}

/// <summary>Finds every place C# code sends SQL, by reading the sources with Roslyn's parser (no compilation needed):
/// a call of a Dapper or ADO.NET method whose first argument is the text (or a <c>CommandDefinition</c> holding it), an
/// assignment of <c>CommandText</c>, and a literal statement given to <c>AdHocQuery.RunAsync</c>/<c>StreamAsync</c>.
/// A query added later is found the same way: nobody lists it.</summary>
public static class CSharpSqlSites
{
    private static readonly HashSet<string> Senders =
    [
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync",
        "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple",
        "QueryMultipleAsync", "QueryUnbufferedAsync", "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync",
        "ExecuteReader", "ExecuteReaderAsync",
    ];

    // AdHocQuery's methods: whatever an analyst types goes there too, so only a text written in the code is a site.
    private static readonly HashSet<string> ReadOnlySenders = ["RunAsync", "StreamAsync"];

    public static IReadOnlyList<CSharpSqlSite> In(IEnumerable<SyntaxTree> trees) => trees.SelectMany(Of).ToList();

    /// <summary>The parsed C# sources of the product: src/**/*.cs, bin/ and obj/ left out.</summary>
    public static IReadOnlyList<SyntaxTree> ProductSources(Func<string, bool> include) => Directory
        .EnumerateFiles(RepoPaths.Of("src"), "*.cs", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Of(""), f).Replace('\\', '/'))
        .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && include(f))
        .Order(StringComparer.Ordinal)
        .Select(f => Parse(File.ReadAllText(RepoPaths.Of(f)), f))
        .ToList();

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path);

    private static IEnumerable<CSharpSqlSite> Of(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when MethodName(call) is { } name && call.ArgumentList.Arguments.Count > 0:
                    // Dapper's and ADO.NET's methods are called on a connection or a command, never bare.
                    if (Senders.Contains(name) && call.Expression is MemberAccessExpressionSyntax)
                        foreach (var (sql, parameters) in Commands(call.ArgumentList.Arguments[0].Expression, DapperParameters(call)))
                        {
                            if (!IsNoText(sql)) yield return Site(tree, call, sql, parameters, false);
                        }
                    else if (ReadOnlySenders.Contains(name) && call.ArgumentList.Arguments[0].Expression is
                                 LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax)
                        yield return Site(tree, call, call.ArgumentList.Arguments[0].Expression, Argument(call, 1, "parameters"), true);
                    break;
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } } assignment:
                    yield return Site(tree, assignment, assignment.Right, null, false);
                    break;
            }
        }
    }

    // The text and parameters of the command(s) an argument stands for: a CommandDefinition's own, and each branch of
    // a choice between two commands.
    private static IEnumerable<(ExpressionSyntax Sql, ExpressionSyntax? Parameters)> Commands(ExpressionSyntax argument, ExpressionSyntax? parameters) =>
        argument switch
        {
            ConditionalExpressionSyntax c when IsCommandDefinition(c.WhenTrue) || IsCommandDefinition(c.WhenFalse) =>
                Commands(c.WhenTrue, parameters).Concat(Commands(c.WhenFalse, parameters)),
            BaseObjectCreationExpressionSyntax creation when IsCommandDefinition(creation) && creation.ArgumentList is { Arguments.Count: > 0 } args =>
                [(args.Arguments[0].Expression, Argument(creation.ArgumentList, 1, "parameters"))],
            _ => [(argument, parameters)],
        };

    // Dapper's param: the second argument, or the third after a multi-mapping query's map function.
    private static ExpressionSyntax? DapperParameters(InvocationExpressionSyntax call) =>
        Argument(call, 1, "param") is LambdaExpressionSyntax ? Argument(call, 2, "param") : Argument(call, 1, "param");

    private static bool IsCommandDefinition(ExpressionSyntax e) =>
        e is ObjectCreationExpressionSyntax { Type: var t } && t.ToString().EndsWith("CommandDefinition", StringComparison.Ordinal);

    private static ExpressionSyntax? Argument(InvocationExpressionSyntax call, int position, string name) =>
        Argument(call.ArgumentList, position, name);

    private static ExpressionSyntax? Argument(ArgumentListSyntax? list, int position, string name)
    {
        if (list is null) return null;
        var named = list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null) return named.Expression;
        return list.Arguments.Count > position && list.Arguments[position].NameColon is null ? list.Arguments[position].Expression : null;
    }

    // Methods of the same names that take no text: DbCommand.ExecuteReaderAsync(CancellationToken) and ASP.NET Core's
    // IResult.ExecuteAsync(HttpContext).
    private static readonly HashSet<string> NoTextTypes = ["CancellationToken", "HttpContext"];

    private static bool IsNoText(ExpressionSyntax e) => e switch
    {
        // The names this code gives them where their type is not written (a lambda's parameter, var).
        IdentifierNameSyntax id => id.Identifier.ValueText is "ct" or "cancellationToken" or "http" or "httpContext"
                                   || NoTextTypes.Contains(SqlTextReader.DeclaredType(id) ?? ""),
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText is "Token" or "HttpContext",
        _ => false,
    };

    public static string? MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        _ => null,
    };

    private static CSharpSqlSite Site(SyntaxTree tree, SyntaxNode at, ExpressionSyntax sql, ExpressionSyntax? parameters, bool readOnlyPath) =>
        new(tree.FilePath, at.GetLocation().GetLineSpan().StartLinePosition.Line + 1, MemberOf(at), sql, parameters, readOnlyPath);

    /// <summary>Type.Member of the code around a node (the outermost member: a lambda or local function inside a method
    /// belongs to the method).</summary>
    public static string MemberOf(SyntaxNode node)
    {
        var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax);
        var type = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? "?";
        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax => ".ctor",
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            FieldDeclarationSyntax f => f.Declaration.Variables[0].Identifier.ValueText,
            _ => "?",
        };
        return $"{type}.{name}";
    }
}
