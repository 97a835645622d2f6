using IndicatorWarehouse.Warehouse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Bindings = System.Collections.Generic.IReadOnlyDictionary<string, System.Func<System.Collections.Generic.IReadOnlyList<string>>>;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A C# expression whose SQL text cannot be known without running the code (a loop variable, a value read
/// from data, a string built by LINQ).</summary>
public sealed class UnreadableSqlException(string message) : Exception(message);

/// <summary>Reads, from the C# sources alone, every text an expression can give: string literals (raw and
/// interpolated), concatenation, both branches of a choice, constants and static members wherever they are declared,
/// locals, a parameter through every call of its method, a string-returning method of the sources with its arguments
/// bound, a script of sql/sqlserver/ (<c>database.Script(…)</c>, <c>SqlScripts.Get</c>, a step of
/// <c>SqlScripts.Steps</c>) as SQL Server's dialect has it. What it cannot read throws <see cref="UnreadableSqlException"/>,
/// unless <paramref name="holes"/> supplies representative values for that interpolation hole ("Type.Member: expression").</summary>
public sealed class SqlTextReader
{
    private const int MaxTexts = 64, MaxDepth = 16;
    private static readonly Bindings NoBindings = new Dictionary<string, Func<IReadOnlyList<string>>>();

    private readonly Dictionary<string, List<TypeDeclarationSyntax>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InvocationExpressionSyntax>> _calls = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Func<IEnumerable<string>>> _holes;

    public SqlTextReader(IEnumerable<SyntaxTree> trees, IReadOnlyDictionary<string, Func<IEnumerable<string>>>? holes = null)
    {
        _holes = holes ?? new Dictionary<string, Func<IEnumerable<string>>>();
        foreach (var node in trees.SelectMany(t => t.GetRoot().DescendantNodes()))
        {
            if (node is TypeDeclarationSyntax type) Add(_types, type.Identifier.ValueText, type);
            else if (node is InvocationExpressionSyntax call && CSharpSqlSites.MethodName(call) is { } name) Add(_calls, name, call);
        }
    }

    public IReadOnlyList<string> Read(ExpressionSyntax expression) => Evaluate(expression, 0);

    // A parameter's value is known only at a call of its method: the texts are read once per call, with all of that
    // call's arguments (so two parameters of one call never mix with another call's).
    private sealed class UnboundParameterException(ParameterSyntax parameter, string method, ParameterListSyntax list) : Exception
    {
        public ParameterSyntax Parameter { get; } = parameter;
        public string Method { get; } = method;
        public ParameterListSyntax List { get; } = list;
    }

    private IReadOnlyList<string> Evaluate(ExpressionSyntax e, int depth)
    {
        try
        {
            return Eval(e, NoBindings, depth);
        }
        catch (UnboundParameterException unbound)
        {
            var texts = new List<string>();
            foreach (var call in _calls.GetValueOrDefault(unbound.Method) ?? [])
            {
                if (!Fits(unbound.List, call.ArgumentList.Arguments)) continue;
                texts.AddRange(Eval(e, Bind(unbound.List, call, given => Evaluate(given, depth + 1)), depth));
            }
            return texts.Count > 0 ? texts : throw Unreadable(unbound.Parameter, $"a parameter of {unbound.Method}, which no call passes");
        }
    }

    private static bool Fits(ParameterListSyntax parameters, SeparatedSyntaxList<ArgumentSyntax> args) =>
        args.Count <= parameters.Parameters.Count && parameters.Parameters.Skip(args.Count).All(p => p.Default is not null);

    // Each parameter bound, when first read, to every text the call's argument for it (or its default) can give.
    private static Dictionary<string, Func<IReadOnlyList<string>>> Bind(ParameterListSyntax parameters, InvocationExpressionSyntax call,
        Func<ExpressionSyntax, IReadOnlyList<string>> read)
    {
        var args = call.ArgumentList.Arguments;
        var binding = new Dictionary<string, Func<IReadOnlyList<string>>>();
        for (var i = 0; i < parameters.Parameters.Count; i++)
        {
            var name = parameters.Parameters[i].Identifier.ValueText;
            var given = args.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name)?.Expression
                ?? (i < args.Count && args[i].NameColon is null ? args[i].Expression : parameters.Parameters[i].Default?.Value);
            binding[name] = Once(() => given is null ? throw Unreadable(call, $"{name} not given") : read(given));
        }
        return binding;
    }

    private static Func<IReadOnlyList<string>> Once(Func<IReadOnlyList<string>> read)
    {
        var value = new Lazy<IReadOnlyList<string>>(read);
        return () => value.Value;
    }

    /// <summary>The parameter names an argument of Dapper passes (an anonymous object's members, directly, in a local, or
    /// made for each row by Select), or null when it is an object of some type whose members only the compiler knows.</summary>
    public IReadOnlySet<string>? ParameterNames(ExpressionSyntax? parameters) => parameters switch
    {
        null => new HashSet<string>(),
        AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers
            .Select(i => i.NameEquals?.Name.Identifier.ValueText ?? LastName(i.Expression)).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase),
        IdentifierNameSyntax id when Locals(id).ToList() is [var only] => ParameterNames(only),
        IdentifierNameSyntax id when DeclaredType(id) is { } type => Properties(type),
        ObjectCreationExpressionSyntax creation => Properties(creation.Type.ToString()),
        InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LambdaExpressionSyntax { ExpressionBody: { } body } }] } call
            when CSharpSqlSites.MethodName(call) == "Select" => ParameterNames(body),
        _ => null,
    };

    // The readable properties of a product type of that name (what Dapper passes of an object), or null if not one type.
    private static IReadOnlySet<string>? Properties(string typeName)
    {
        var name = typeName.TrimEnd('?');
        var types = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && n.StartsWith("IndicatorWarehouse.", StringComparison.Ordinal) && !n.EndsWith(".Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes()).Where(t => t.Name == name).ToList();
        return types is [var type]
            ? type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
    }

    private static string? LastName(ExpressionSyntax e) => e switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => null,
    };

    private IReadOnlyList<string> Eval(ExpressionSyntax e, Bindings bound, int depth)
    {
        if (depth > MaxDepth) throw Unreadable(e, "too deep");
        switch (e)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return [""];
            case LiteralExpressionSyntax literal when literal.Token.Value is string or int or long:
                return [literal.Token.ValueText];
            case InterpolatedStringExpressionSyntax interpolated:
                IReadOnlyList<string> texts = [""];
                foreach (var content in interpolated.Contents)
                    texts = Product(e, texts, content switch
                    {
                        InterpolatedStringTextSyntax text => [text.TextToken.ValueText],
                        InterpolationSyntax hole => Hole(hole, bound, depth),
                        _ => throw Unreadable(content, "unknown part"),
                    });
                return texts;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Product(e, Eval(binary.Left, bound, depth + 1), Eval(binary.Right, bound, depth + 1));
            case ParenthesizedExpressionSyntax parenthesized:
                return Eval(parenthesized.Expression, bound, depth + 1);
            case ConditionalExpressionSyntax conditional:
                return [.. Eval(conditional.WhenTrue, bound, depth + 1), .. Eval(conditional.WhenFalse, bound, depth + 1)];
            case SwitchExpressionSyntax choice:
                return choice.Arms.Where(a => a.Expression is not ThrowExpressionSyntax)
                    .SelectMany(a => Eval(a.Expression, bound, depth + 1)).ToList();
            case IdentifierNameSyntax id:
                return Resolve(id, bound, depth);
            case MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" }, Name.Identifier.ValueText: "Empty" }:
                return [""];
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } access when _types.ContainsKey(owner.Identifier.ValueText):
                return Member(_types[owner.Identifier.ValueText], access.Name.Identifier.ValueText, e, depth);
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                return Member(e.Ancestors().OfType<TypeDeclarationSyntax>().Take(1), access.Name.Identifier.ValueText, e, depth);
            case InvocationExpressionSyntax call:
                return Invoke(call, bound, depth);
            case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                return Step(element, bound, depth);
            default:
                throw Unreadable(e, e.Kind().ToString());
        }
    }

    private IReadOnlyList<string> Hole(InterpolationSyntax hole, Bindings bound, int depth)
    {
        if (_holes.TryGetValue($"{CSharpSqlSites.MemberOf(hole)}: {hole.Expression}", out var values)) return values().ToList();
        return Eval(hole.Expression, bound, depth + 1);
    }

    private IReadOnlyList<string> Resolve(IdentifierNameSyntax id, Bindings bound, int depth)
    {
        var name = id.Identifier.ValueText;
        if (bound.TryGetValue(name, out var value)) return value();
        var locals = Locals(id).ToList();
        var body = OutermostMember(id);
        // A local changed after its declaration (sql += " WHERE …") could send a text its initializer does not show.
        if (locals.Count > 0 && body!.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax l && l.Identifier.ValueText == name))
            throw Unreadable(id, "a local assigned after its declaration");
        if (locals.Count > 0) return locals.SelectMany(l => Eval(l, bound, depth + 1)).ToList();
        if (body?.DescendantNodes().OfType<ForEachStatementSyntax>().Any(f => f.Identifier.ValueText == name) == true
            || body?.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Any(d => d.Identifier.ValueText == name) == true)
            throw Unreadable(id, "a loop variable");
        if (Parameter(id) is { } parameter)
            throw parameter.Parent?.Parent switch
            {
                MethodDeclarationSyntax m => new UnboundParameterException(parameter, m.Identifier.ValueText, m.ParameterList),
                LocalFunctionStatementSyntax f => new UnboundParameterException(parameter, f.Identifier.ValueText, f.ParameterList),
                _ => Unreadable(id, "a parameter of a lambda or a constructor"),
            };
        foreach (var type in id.Ancestors().OfType<TypeDeclarationSyntax>())
            if (TryMember([type], name, depth, out var texts)) return texts;
        throw Unreadable(id, "not a constant, local, parameter or member of the sources");
    }

    private IReadOnlyList<string> Invoke(InvocationExpressionSyntax call, Bindings bound, int depth)
    {
        var name = CSharpSqlSites.MethodName(call);
        var args = call.ArgumentList.Arguments;
        var receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
        // A script of sql/<dialect>/: SQL Server's.
        if (name == "Script" && args.Count == 1 || name == "Get" && receiver?.ToString() == "SqlScripts" && args.Count == 2)
            return Eval(args[^1].Expression, bound, depth + 1).Select(path => SqlScripts.Get("sqlserver", path)).ToList();
        var candidates = (receiver is IdentifierNameSyntax owner && _types.TryGetValue(owner.Identifier.ValueText, out var types) ? types
                : receiver is null ? call.Ancestors().OfType<TypeDeclarationSyntax>().ToList() : _types.Values.SelectMany(t => t).ToList())
            .SelectMany(t => t.Members.OfType<MethodDeclarationSyntax>())
            .Where(m => m.Identifier.ValueText == name && m.ReturnType.ToString() is "string" or "string?" && Fits(m.ParameterList, args))
            .ToList();
        if (candidates is not [var method]) throw Unreadable(call, $"a call of {name} that is not one string method of the sources");
        var result = method.ExpressionBody?.Expression
            ?? (method.Body?.Statements.LastOrDefault() as ReturnStatementSyntax)?.Expression
            ?? throw Unreadable(call, $"{name} is not a single expression");
        return Eval(result, Bind(method.ParameterList, call, given => Eval(given, bound, depth + 1)), depth + 1);
    }

    // steps["name"]: a step of a script cut by SqlScripts.Steps; every step when the name is only known at run time.
    private IReadOnlyList<string> Step(ElementAccessExpressionSyntax element, Bindings bound, int depth)
    {
        var source = element.Expression is IdentifierNameSyntax id ? Locals(id).Concat(Fields(id)).FirstOrDefault() : element.Expression;
        if (source is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } steps || CSharpSqlSites.MethodName(steps) != "Steps")
            throw Unreadable(element, "an element of something other than SqlScripts.Steps");
        var scripts = Eval(steps.ArgumentList.Arguments[1].Expression, bound, depth + 1).Select(path => SqlScripts.Steps("sqlserver", path)).ToList();
        IReadOnlyList<string>? names;
        try { names = Eval(element.ArgumentList.Arguments[0].Expression, bound, depth + 1); }
        catch (UnreadableSqlException) { names = null; }
        return scripts.SelectMany(s => names is null ? s.Values : names.Select(n => s[n])).ToList();
    }

    private IReadOnlyList<string> Member(IEnumerable<TypeDeclarationSyntax> types, string name, SyntaxNode at, int depth) =>
        TryMember(types, name, depth, out var texts) ? texts : throw Unreadable(at, $"no member {name} with a value in the sources");

    private bool TryMember(IEnumerable<TypeDeclarationSyntax> types, string name, int depth, out IReadOnlyList<string> texts)
    {
        foreach (var type in types)
            foreach (var member in type.Members)
            {
                if (ValueOf(member, name) is not { } value) continue;
                texts = Eval(value, NoBindings, depth + 1);
                return true;
            }
        texts = [];
        return false;
    }

    // The initializers of the locals of that name in the member around the identifier.
    private static IEnumerable<ExpressionSyntax> Locals(IdentifierNameSyntax id) =>
        OutermostMember(id)?.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Identifier.ValueText == id.Identifier.ValueText && v.Parent?.Parent is LocalDeclarationStatementSyntax)
            .Select(v => v.Initializer?.Value).OfType<ExpressionSyntax>() ?? [];

    private static IEnumerable<ExpressionSyntax> Fields(IdentifierNameSyntax id) =>
        id.Ancestors().OfType<TypeDeclarationSyntax>().SelectMany(t => t.Members)
            .Select(m => ValueOf(m, id.Identifier.ValueText)).OfType<ExpressionSyntax>();

    // The value a field or property of that name is declared with (its initializer, or its expression body).
    private static ExpressionSyntax? ValueOf(MemberDeclarationSyntax member, string name) => member switch
    {
        FieldDeclarationSyntax f => f.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value,
        PropertyDeclarationSyntax p when p.Identifier.ValueText == name => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
        _ => null,
    };

    private static SyntaxNode? OutermostMember(SyntaxNode node) =>
        node.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax);

    private static ParameterSyntax? Parameter(IdentifierNameSyntax id) =>
        id.Ancestors().Select(a => a switch
        {
            BaseMethodDeclarationSyntax m => m.ParameterList,
            LocalFunctionStatementSyntax f => f.ParameterList,
            ParenthesizedLambdaExpressionSyntax l => l.ParameterList,
            TypeDeclarationSyntax t => t.ParameterList,
            _ => null,
        }).OfType<ParameterListSyntax>().SelectMany(l => l.Parameters).FirstOrDefault(p => p.Identifier.ValueText == id.Identifier.ValueText)
        ?? id.Ancestors().OfType<SimpleLambdaExpressionSyntax>().Select(l => l.Parameter).FirstOrDefault(p => p.Identifier.ValueText == id.Identifier.ValueText);

    /// <summary>The type a name is declared with where it is a parameter (e.g. CancellationToken), else null.</summary>
    public static string? DeclaredType(IdentifierNameSyntax id) => Parameter(id)?.Type?.ToString();

    private static IReadOnlyList<string> Product(SyntaxNode at, IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if ((long)a.Count * b.Count > MaxTexts) throw Unreadable(at, $"more than {MaxTexts} texts");
        return a.SelectMany(x => b.Select(y => x + y)).ToList();
    }

    private static UnreadableSqlException Unreadable(SyntaxNode at, string why) =>
        new($"`{Shorten(at.ToString())}` ({at.SyntaxTree.FilePath}:{at.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {why}");

    private static string Shorten(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..77].ReplaceLineEndings(" ") + "…";

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
