using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// The parameter types a call supplies arguments for, in parameter order, as ID text. A params array
/// in expanded form contributes one element type per argument. nanoFramework may have a different
/// overload set than .NET: string.Format("{0}", x) binds Format(String,Object) on .NET but
/// Format(String,Object[]) there; Convert.ToInt32(s) binds ToInt32(String) on .NET but
/// ToInt32(String,Int32 = 10) there.
/// </summary>
internal sealed record CallShape(IReadOnlyList<string> ArgumentTypes)
{
    public static readonly CallShape NoArguments = new([]);

    /// <summary>Null when named arguments skip a parameter: then only the exact overload is safe to accept.</summary>
    public static CallShape? Of(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (MemberId.Parse(method.OriginalDefinition.GetDocumentationCommentId() ?? "") is not { } id)
        {
            return null;
        }

        var supplied = arguments
            .Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Parameter is not null)
            .OrderBy(a => a.Parameter!.Ordinal)
            .ToList();
        if (supplied.Where((argument, index) => argument.Parameter!.Ordinal != index).Any())
        {
            return null;
        }

        var types = new List<string>();
        foreach (var argument in supplied)
        {
            var parameterType = id.ParameterTypes[argument.Parameter!.Ordinal];
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { IsImplicit: true } expanded)
            {
                types.AddRange(Enumerable.Repeat(ElementType(parameterType), expanded.Initializer?.ElementValues.Length ?? 0));
            }
            else
            {
                types.Add(parameterType);
            }
        }

        return new CallShape(types);
    }

    /// <summary>
    /// Whether the call would bind to <paramref name="candidate"/> on nanoFramework: each supplied
    /// type equals the parameter type (or, where allowed, the parameter is System.Object), parameters
    /// left out are optional, and surplus arguments go into a params array of a matching element type.
    /// </summary>
    public bool Fits(MemberId candidate, ParameterTraits traits, bool objectWidening)
    {
        var parameters = candidate.ParameterTypes;
        var fixedCount = traits.LastIsParams ? parameters.Count - 1 : parameters.Count;
        for (var i = 0; i < fixedCount; i++)
        {
            var fits = i < ArgumentTypes.Count
                ? Converts(ArgumentTypes[i], parameters[i], objectWidening)
                : traits.OptionalOrdinals.Contains(i);
            if (!fits)
            {
                return false;
            }
        }

        var surplus = ArgumentTypes.Skip(fixedCount).ToList();
        if (!traits.LastIsParams)
        {
            return surplus.Count == 0;
        }

        var array = parameters[^1];
        return (surplus.Count == 1 && surplus[0] == array)
            || surplus.All(type => Converts(type, ElementType(array), objectWidening: true));
    }

    // Boxing/reference conversion to object always exists; numeric conversions (long → float) are
    // exactly what must not be accepted silently.
    private static bool Converts(string from, string to, bool objectWidening) =>
        from == to || (objectWidening && to == "System.Object");

    private static string ElementType(string arrayType) => arrayType.EndsWith("[]", StringComparison.Ordinal) ? arrayType[..^2] : arrayType;
}
