using Microsoft.CodeAnalysis;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>Small symbol questions both the API and the language checks ask.</summary>
internal static class SymbolFacts
{
    public static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };

    /// <summary>A type's ID for findings: the documentation-comment ID of named types, with [] / [,] / * for arrays and pointers.</summary>
    public static string TypeId(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => $"{TypeId(array.ElementType)}[{new string(',', array.Rank - 1)}]",
        IPointerTypeSymbol pointer => $"{TypeId(pointer.PointedAtType)}*",
        INamedTypeSymbol named => named.OriginalDefinition.GetDocumentationCommentId() ?? named.ToDisplayString(),
        _ => type.ToDisplayString(),
    };

    public static bool IsInNamespace(ISymbol symbol, string name)
    {
        var ns = symbol.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal));
    }

    public static bool IsEnum(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Enum };
}
