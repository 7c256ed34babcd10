using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// The calls the C# compiler emits for language constructs when it compiles against nanoFramework's
/// mscorlib (C# 9, no DefaultInterpolatedStringHandler, no Monitor.Enter(Object, ref Boolean)).
/// They appear in no syntax, so the gate derives them here (firmware/nanoframework-api/README.md,
/// "Compiler-generated calls").
/// </summary>
internal static class LoweredCalls
{
    private const string Format = "M:System.String.Format(System.String,System.Object[])";

    /// <summary>string + ...: the operands are flattened into one String.Concat, non-strings turned into strings by ToString().</summary>
    public static IEnumerable<ApiUse> StringConcatenation(IOperation concatenation, IEnumerable<IOperation> operands)
    {
        var leaves = MergeConstants(operands.SelectMany(Flatten)).ToList();
        foreach (var leaf in leaves.Where(l => !l.ConstantValue.HasValue && l.Type is { SpecialType: not SpecialType.System_String } type))
        {
            if (ParameterlessToString(leaf.Type!) is { } toString)
            {
                yield return new SymbolUse(toString, leaf.Syntax.GetLocation(), leaf.Type);
            }
        }

        if (leaves.Count >= 2)
        {
            yield return new GeneratedUse(ConcatOfStrings(leaves.Count), "string concatenation", concatenation.Syntax.GetLocation());
        }
    }

    /// <summary>$"...": String.Concat when every hole is a plain string, else String.Format(String, Object[]).</summary>
    public static IEnumerable<ApiUse> Interpolation(IInterpolatedStringOperation interpolation)
    {
        var holes = interpolation.Parts.OfType<IInterpolationOperation>().ToList();
        if (interpolation.ConstantValue.HasValue || holes.Count == 0 || interpolation.Parent is IConversionOperation { Type.SpecialType: not SpecialType.System_String })
        {
            yield break;
        }

        var location = interpolation.Syntax.GetLocation();
        if (holes.All(h => h.Alignment is null && h.FormatString is null && Unwrap(h.Expression).Type?.SpecialType == SpecialType.System_String))
        {
            var parts = interpolation.Parts.Count(p => p is not IInterpolatedStringTextOperation { Text.ConstantValue.Value: "" });
            if (parts >= 2)
            {
                yield return new GeneratedUse(ConcatOfStrings(parts), "string interpolation", location);
            }
        }
        else
        {
            yield return new GeneratedUse(Format, "string interpolation", location);
        }
    }

    /// <summary>foreach: arrays are indexed and strings read through Length/Chars; anything else uses the enumerator pattern.</summary>
    public static IEnumerable<ApiUse> ForEach(IForEachLoopOperation loop)
    {
        if (loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is not { } model)
        {
            yield break;
        }

        var location = syntax.Expression.GetLocation();
        var collection = model.GetTypeInfo(syntax.Expression).Type;
        if (collection is null or IArrayTypeSymbol)
        {
            yield break;
        }

        if (collection.SpecialType == SpecialType.System_String)
        {
            yield return new GeneratedUse("M:System.String.get_Length", "foreach over a string", location);
            yield return new GeneratedUse("M:System.String.get_Chars(System.Int32)", "foreach over a string", location);
            yield break;
        }

        var info = model.GetForEachStatementInfo(syntax);
        var enumerator = info.GetEnumeratorMethod?.ReturnType;
        if (info.GetEnumeratorMethod is { } getEnumerator)
        {
            yield return new SymbolUse(getEnumerator, location, collection, CallShape.NoArguments);
        }

        if (info.MoveNextMethod is { } moveNext)
        {
            yield return new SymbolUse(moveNext, location, enumerator, CallShape.NoArguments);
        }

        if (info.CurrentProperty is { } current)
        {
            yield return new SymbolUse(current, location, enumerator);
            if (current.GetMethod is { } getter)
            {
                yield return new SymbolUse(getter, location, enumerator);
            }
        }

        if (info.DisposeMethod is not null)
        {
            yield return new GeneratedUse("M:System.IDisposable.Dispose", "foreach (disposing the enumerator)", location);
        }
    }

    public static GeneratedUse Dispose(IOperation usingOperation) =>
        new("M:System.IDisposable.Dispose", "using", usingOperation.Syntax.GetLocation());

    public static IEnumerable<GeneratedUse> Lock(ILockOperation lockOperation) =>
    [
        new("M:System.Threading.Monitor.Enter(System.Object)", "lock", lockOperation.Syntax.GetLocation()),
        new("M:System.Threading.Monitor.Exit(System.Object)", "lock", lockOperation.Syntax.GetLocation()),
    ];

    public static GeneratedUse TypeOf(ITypeOfOperation typeOf) =>
        new("M:System.Type.GetTypeFromHandle(System.RuntimeTypeHandle)", "typeof", typeOf.Syntax.GetLocation());

    /// <summary>Built-in operators that are calls in IL: string ==/!=, delegate ==/!=, delegate +/-.</summary>
    public static IEnumerable<GeneratedUse> BuiltInOperator(BinaryOperatorKind kind, IOperation left, IOperation right, IOperation operation)
    {
        var location = operation.Syntax.GetLocation();
        var equality = kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;
        var name = kind == BinaryOperatorKind.Equals ? "op_Equality" : "op_Inequality";
        if (equality && !IsNullConstant(left) && !IsNullConstant(right))
        {
            if (left.Type?.SpecialType == SpecialType.System_String && right.Type?.SpecialType == SpecialType.System_String)
            {
                yield return new GeneratedUse($"M:System.String.{name}(System.String,System.String)", "string comparison", location);
            }
            else if (left.Type?.TypeKind == TypeKind.Delegate && right.Type?.TypeKind == TypeKind.Delegate)
            {
                yield return new GeneratedUse($"M:System.Delegate.{name}(System.Delegate,System.Delegate)", "delegate comparison", location);
            }
        }
        else if (kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && operation.Type?.TypeKind == TypeKind.Delegate)
        {
            yield return CombineOrRemove(kind == BinaryOperatorKind.Add, "combining delegates", location);
        }
    }

    /// <summary>switch and is-patterns on a string constant compare with String.op_Equality.</summary>
    public static IEnumerable<GeneratedUse> StringConstantMatch(IOperation value, IOperation operation)
    {
        if (value.Type?.SpecialType == SpecialType.System_String && !IsNullConstant(value))
        {
            yield return new GeneratedUse("M:System.String.op_Equality(System.String,System.String)", "matching a string constant", operation.Syntax.GetLocation());
        }
    }

    /// <summary>Field-like event accessors and delegate +=/-= call Delegate.Combine/Remove.</summary>
    public static GeneratedUse CombineOrRemove(bool combine, string construct, Location location) =>
        new($"M:System.Delegate.{(combine ? "Combine" : "Remove")}(System.Delegate,System.Delegate)", construct, location);

    public static bool IsStringConcatenation(IOperation? operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false };

    /// <summary>s += ...: the target is the first operand of the concatenation.</summary>
    public static bool IsStringAppend(IOperation? operation) =>
        operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Target.Type.SpecialType: SpecialType.System_String };

    /// <summary>The compiler emits one Concat for a whole chain (a + b + c, s += a + b): only its outermost operation counts.</summary>
    public static bool IsPartOfLongerConcatenation(IOperation operation) =>
        IsStringConcatenation(operation.Parent) || IsStringAppend(operation.Parent);

    public static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;

    private static string ConcatOfStrings(int count) =>
        count <= 4 ? $"M:System.String.Concat({string.Join(',', Enumerable.Repeat("System.String", count))})" : "M:System.String.Concat(System.String[])";

    private static IEnumerable<IOperation> Flatten(IOperation operand) =>
        IsStringConcatenation(operand) && operand is IBinaryOperation binary
            ? Flatten(binary.LeftOperand).Concat(Flatten(binary.RightOperand))
            : [Unwrap(operand)];

    // The compiler folds adjacent constant strings and drops empty ones before choosing the Concat overload.
    private static IEnumerable<IOperation> MergeConstants(IEnumerable<IOperation> leaves)
    {
        IOperation? previous = null;
        foreach (var leaf in leaves.Where(l => !(l.ConstantValue.HasValue && l.ConstantValue.Value is null or "")))
        {
            if (previous is { ConstantValue.HasValue: true } && leaf.ConstantValue.HasValue)
            {
                continue;
            }

            previous = leaf;
            yield return leaf;
        }
    }

    private static bool IsNullConstant(IOperation operand) =>
        Unwrap(operand) is { ConstantValue: { HasValue: true, Value: null } };

    private static IMethodSymbol? ParameterlessToString(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("ToString").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty && !m.IsStatic) is { } method)
            {
                return method;
            }
        }

        return null;
    }
}
