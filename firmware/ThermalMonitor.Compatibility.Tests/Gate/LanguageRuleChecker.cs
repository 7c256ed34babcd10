using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// The language and runtime features stable nanoFramework lacks (docs/design.md §3; nanoFramework's
/// https://docs.nanoframework.net/content/architecture/simplifications-and-trade-offs.html). Three sources: keywords, a few syntax shapes, and the type
/// (and converted type) of every expression and type name, which also catches what no keyword
/// shows: a `var` that is a double, a lambda that becomes a Func&lt;T&gt;, `s?.Length` being an int?.
/// </summary>
internal sealed class LanguageRuleChecker(FirmwareCompilation firmware, Arithmetic arithmetic)
{
    private static readonly Dictionary<SyntaxKind, (string Rule, string Message)> KeywordRules = new()
    {
        [SyntaxKind.AsyncKeyword] = (RuleIds.Async, "async/await: nanoFramework has no System.Threading.Tasks; use a Thread or a Timer"),
        [SyntaxKind.AwaitKeyword] = (RuleIds.Async, "async/await: nanoFramework has no System.Threading.Tasks; use a Thread or a Timer"),
        [SyntaxKind.FromKeyword] = (RuleIds.Linq, "LINQ query: nanoFramework has no System.Linq; write the loop"),
        [SyntaxKind.RecordKeyword] = (RuleIds.Record, "records are not supported by stable nanoFramework; write a class or struct"),
        [SyntaxKind.WithKeyword] = (RuleIds.Record, "with-expressions need records, which stable nanoFramework does not support"),
        [SyntaxKind.StackAllocKeyword] = (RuleIds.Span, "stackalloc needs Span<T> or pointers, neither of which firmware may use; preallocate an array"),
        [SyntaxKind.UnsafeKeyword] = (RuleIds.Unsafe, "unsafe code is not allowed in firmware"),
        [SyntaxKind.FixedKeyword] = (RuleIds.Unsafe, "fixed (pinning, fixed-size buffers) is unsafe code, not allowed in firmware"),
        [SyntaxKind.YieldKeyword] = (RuleIds.Iterator, "iterators compile to generic IEnumerable<T>/IEnumerator<T> classes; return an array or write the enumerator"),
        [SyntaxKind.CheckedKeyword] = (RuleIds.Checked, "checked arithmetic throws OverflowException, which nanoFramework does not have; saturate explicitly"),
    };

    public IEnumerable<Finding> Check() =>
        firmware.Compilation.SyntaxTrees.SelectMany(tree => Check(firmware.Compilation.GetSemanticModel(tree)));

    private IEnumerable<Finding> Check(SemanticModel model)
    {
        var root = model.SyntaxTree.GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            if (KeywordRules.TryGetValue(token.Kind(), out var rule))
            {
                yield return Finding.At(token.GetLocation(), rule.Rule, ContainerId(model, token.Parent), rule.Message);
            }
        }

        foreach (var node in root.DescendantNodes())
        {
            foreach (var finding in CheckSyntax(node, model))
            {
                yield return finding;
            }

            if (node is ExpressionSyntax expression)
            {
                var info = model.GetTypeInfo(expression);
                foreach (var (ruleId, id, message) in Classify(info.Type).Concat(Classify(info.ConvertedType)))
                {
                    yield return Finding.At(node.GetLocation(), ruleId, id, message);
                }
            }
        }
    }

    private IEnumerable<Finding> CheckSyntax(SyntaxNode node, SemanticModel model)
    {
        var location = node.GetLocation();
        switch (node)
        {
            case TypeParameterListSyntax:
                yield return Finding.At(location, RuleIds.GenericDeclared, ContainerId(model, node.Parent), "generic type or method declared: the stable nanoFramework runtime has no generics");
                break;
            case AnonymousObjectCreationExpressionSyntax:
                yield return Finding.At(location, RuleIds.GenericUsed, ContainerId(model, node), "anonymous types compile to generic classes, which the stable nanoFramework runtime cannot load");
                break;
            case TupleTypeSyntax or TupleExpressionSyntax or ParenthesizedVariableDesignationSyntax:
                yield return Finding.At(location, RuleIds.Tuple, TupleId(node, model), "tuples need System.ValueTuple, which nanoFramework does not have; use a small struct or out parameters");
                break;
            case UsingDirectiveSyntax { Name: { } name } when model.GetSymbolInfo(name).Symbol is INamespaceSymbol ns && $"{ns.ToDisplayString()}.".StartsWith("System.Linq.", StringComparison.Ordinal):
                yield return Finding.At(location, RuleIds.Linq, ns.ToDisplayString(), "System.Linq does not exist on nanoFramework");
                break;
            case SimpleNameSyntax when model.GetSymbolInfo(node).Symbol is IMethodSymbol method:
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (SymbolFacts.IsInNamespace(definition, "System.Linq"))
                {
                    yield return Finding.At(location, RuleIds.Linq, definition.GetDocumentationCommentId() ?? method.Name, "System.Linq does not exist on nanoFramework; write the loop");
                }
                else if (method.IsGenericMethod)
                {
                    yield return Finding.At(location, RuleIds.GenericUsed, definition.GetDocumentationCommentId() ?? method.Name, "generic method used: the stable nanoFramework runtime has no generics");
                }

                break;
            default:
                if (EnumTurnedIntoString(node, model) is { } enumType)
                {
                    yield return Finding.At(location, RuleIds.EnumToString, SymbolFacts.TypeId(enumType), "an enum value turned into a string prints its number on nanoFramework, not its name; map it to text explicitly");
                }

                break;
        }
    }

    // e.ToString(), "x" + e, s += e, $"{e}", string.Format("{0}", e): all print the number on nanoFramework.
    private static ITypeSymbol? EnumTurnedIntoString(SyntaxNode node, SemanticModel model)
    {
        ITypeSymbol? TypeOf(ExpressionSyntax expression) => model.GetTypeInfo(expression).Type;
        ITypeSymbol? EnumOf(params ExpressionSyntax[] expressions) => expressions.Select(TypeOf).FirstOrDefault(SymbolFacts.IsEnum);
        bool IsString(ExpressionSyntax expression) => TypeOf(expression)?.SpecialType == SpecialType.System_String;

        return node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                when model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "ToString" } => EnumOf(access.Expression),
            BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && IsString(add) => EnumOf(add.Left, add.Right),
            AssignmentExpressionSyntax append when append.IsKind(SyntaxKind.AddAssignmentExpression) && IsString(append.Left) => EnumOf(append.Right),
            InterpolationSyntax hole => EnumOf(hole.Expression),
            ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } argument
                when model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "Format", ContainingType.SpecialType: SpecialType.System_String } => EnumOf(argument.Expression),
            _ => null,
        };
    }

    private IEnumerable<(string RuleId, string Id, string Message)> Classify(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                if (array.Rank > 1)
                {
                    yield return (RuleIds.MultiDimensionalArray, SymbolFacts.TypeId(array), "multi-dimensional arrays are not supported on nanoFramework; use a jagged array or index a flat one");
                }

                foreach (var inner in Classify(array.ElementType))
                {
                    yield return inner;
                }

                break;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                yield return (RuleIds.Unsafe, SymbolFacts.TypeId(type), "pointers are unsafe code, not allowed in firmware");
                break;
            case IDynamicTypeSymbol:
                yield return (RuleIds.Dynamic, "dynamic", "dynamic needs the DLR (Microsoft.CSharp), which nanoFramework does not have");
                break;
            case INamedTypeSymbol { TypeKind: not TypeKind.Error } named:
                foreach (var finding in ClassifyNamed(named))
                {
                    yield return finding;
                }

                foreach (var inner in named.TypeArguments.SelectMany(Classify))
                {
                    yield return inner;
                }

                break;
        }
    }

    private IEnumerable<(string RuleId, string Id, string Message)> ClassifyNamed(INamedTypeSymbol named)
    {
        var definition = named.OriginalDefinition;
        var id = SymbolFacts.TypeId(named);
        var inSystem = definition.ContainingNamespace?.ToDisplayString() == "System";

        // The specific rules first; a generic type they cover is not also reported as "generic used".
        if (named.IsTupleType || (inSystem && definition.Name == "ValueTuple"))
        {
            yield return (RuleIds.Tuple, id, "tuples need System.ValueTuple, which nanoFramework does not have; use a small struct or out parameters");
        }
        else if (definition.SpecialType == SpecialType.System_Nullable_T)
        {
            yield return (RuleIds.NullableValueType, id, "Nullable<T> (T? on a value type) does not exist on stable nanoFramework; use a sentinel value or a separate flag");
        }
        else if (inSystem && definition.Name is "Span" or "ReadOnlySpan")
        {
            yield return (RuleIds.Span, id, "Span<T>/ReadOnlySpan<T> do not exist on stable nanoFramework (only System.SpanByte); use arrays with offsets");
        }
        else if (SymbolFacts.IsInNamespace(definition, "System.Threading.Tasks"))
        {
            yield return (RuleIds.Async, id, "nanoFramework has no System.Threading.Tasks; use a Thread or a Timer");
        }
        else if (SymbolFacts.IsInNamespace(definition, "System.Linq"))
        {
            yield return (RuleIds.Linq, id, "System.Linq does not exist on nanoFramework");
        }
        else if (named.IsGenericType)
        {
            yield return (RuleIds.GenericUsed, id, "generic type used: the stable nanoFramework runtime has no generics (not even Action<T>, Func<>, EventHandler<T>, which mscorlib declares)");
        }

        if (definition.SpecialType == SpecialType.System_Decimal)
        {
            yield return (RuleIds.Decimal, id, "decimal does not exist on nanoFramework; use scaled integers");
        }

        if (arithmetic == Arithmetic.IntegerOnly && definition.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
        {
            yield return (RuleIds.FloatingPoint, id, "float/double in an integer-only project: use fixed-point integers (the ESP32 images compute double in float precision)");
        }
    }

    private static string TupleId(SyntaxNode node, SemanticModel model)
    {
        var typed = node is ParenthesizedVariableDesignationSyntax ? node.Parent! : node;
        return typed is ExpressionSyntax expression && model.GetTypeInfo(expression).Type is { } type
            ? SymbolFacts.TypeId(type)
            : "T:System.ValueTuple";
    }

    // The member (or type) a construct is in, as the finding's symbol ID.
    private static string ContainerId(SemanticModel model, SyntaxNode? node)
    {
        for (; node is not null; node = node.Parent)
        {
            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                && model.GetDeclaredSymbol(node) is { } symbol)
            {
                return symbol.GetDocumentationCommentId() ?? symbol.Name;
            }
        }

        return "";
    }
}
