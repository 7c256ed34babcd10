using Microsoft.CodeAnalysis;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Resolves each API use to a documentation-comment ID in the project's API surface, following
/// firmware/nanoframework-api/README.md: inherited members may be listed on an overridden member or on
/// a base type between the receiver and the declaring type; a call may bind to a nanoFramework
/// overload with optional or params parameters; any other overload is a finding, never "close enough".
/// Records the listed IDs that were used, for the API usage file.
/// </summary>
internal sealed class ApiUseChecker(ApiSurface surface, FirmwareCompilation firmware)
{
    private readonly SortedSet<string> used = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> UsedIds => used;

    public IEnumerable<Finding> Check(ApiUse use) => use switch
    {
        GeneratedUse generated => CheckGenerated(generated),
        SymbolUse { Symbol: ITypeSymbol type } typeUse => CheckType(type, typeUse.Location),
        SymbolUse memberUse => CheckMember(memberUse),
        _ => [],
    };

    private IEnumerable<Finding> CheckGenerated(GeneratedUse use)
    {
        if (Accept(use.Id))
        {
            return [];
        }

        return [Finding.At(use.Location, RuleIds.MissingApi, use.Id, $"{use.Construct} compiles to a call to {use.Id}, which is not in the nanoFramework API of {surface.PackageNames}")];
    }

    private IEnumerable<Finding> CheckType(ITypeSymbol type, Location location)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return CheckType(array.ElementType, location);
            case IPointerTypeSymbol pointer:
                return CheckType(pointer.PointedAtType, location);
            case INamedTypeSymbol named when named.TypeKind != TypeKind.Error && !firmware.IsFirmware(named):
                var id = named.OriginalDefinition.GetDocumentationCommentId();
                var missing = id is null || Accept(id) ? [] : new[] { Finding.At(location, RuleIds.MissingApi, id, MissingMessage(named.OriginalDefinition, id)) };
                return missing.Concat(named.TypeArguments.SelectMany(argument => CheckType(argument, location)));
            default:
                // Type parameters, dynamic and unresolved types are the language rules' and the compiler's business.
                return [];
        }
    }

    private IEnumerable<Finding> CheckMember(SymbolUse use)
    {
        var member = use.Symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension.OriginalDefinition : use.Symbol.OriginalDefinition;
        if (firmware.IsFirmware(member) || member.GetDocumentationCommentId() is not { } id)
        {
            return [];
        }

        // The type the member is reached through must exist on nanoFramework as well.
        var findings = CheckType(use.Receiver ?? member.ContainingType, use.Location).ToList();
        var candidates = CandidateIds(member, use.Receiver);
        if (candidates.FirstOrDefault(Accept) is not null
            || (use.Shape is { } shape && member is IMethodSymbol method && MatchingOverload(candidates, method, shape) is { } overload && Accept(overload))
            || IsImplicitStructConstructor(member))
        {
            return findings;
        }

        findings.Add(Finding.At(use.Location, RuleIds.MissingApi, id, MissingMessage(member, id, candidates)));
        return findings;
    }

    private bool Accept(string id)
    {
        if (!surface.Contains(id))
        {
            return false;
        }

        used.Add(id);
        return true;
    }

    // The member's own ID, those of the members it overrides, and the member re-rooted on each
    // external type from the receiver up to (not including) the declaring type.
    private List<string> CandidateIds(ISymbol member, ITypeSymbol? receiver)
    {
        var ids = new List<string>();
        for (var current = member; current is not null; current = SymbolFacts.Overridden(current))
        {
            if (!firmware.IsFirmware(current) && current.OriginalDefinition.GetDocumentationCommentId() is { } id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        if (MemberId.Parse(ids[0]) is { } parsed)
        {
            var declaringType = member.ContainingType.OriginalDefinition;
            for (var type = receiver as INamedTypeSymbol; type is not null && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaringType); type = type.BaseType)
            {
                if (!firmware.IsFirmware(type) && type.OriginalDefinition.GetDocumentationCommentId() is { } typeId)
                {
                    ids.Add(parsed.WithContainer(typeId[2..]).ToString());
                }
            }
        }

        return ids;
    }

    // Overloads are looked up on the candidates' types and, as C# member lookup does, on their base
    // types (constructors excepted: they are not inherited).
    private string? MatchingOverload(IReadOnlyList<string> candidates, IMethodSymbol method, CallShape shape)
    {
        var baseTypes = new List<string>();
        var inherited = method.MethodKind != MethodKind.Constructor;
        for (var type = inherited ? method.ContainingType.BaseType : null; type is not null; type = type.BaseType)
        {
            baseTypes.Add(type.OriginalDefinition.GetDocumentationCommentId()![2..]);
        }

        var lookups = candidates.Select(MemberId.Parse).OfType<MemberId>().Where(c => c.Kind == 'M').ToList();
        foreach (var lookup in lookups.Concat(baseTypes.Select(lookups[0].WithContainer)))
        {
            var overloads = surface.OverloadsOf(lookup);
            foreach (var overload in overloads)
            {
                // Widening to object is only safe when nanoFramework has no other overload of that arity to prefer.
                var objectWidening = overloads.Count(o => o.ParameterTypes.Count == overload.ParameterTypes.Count) == 1;
                if (shape.Fits(overload, surface.TraitsOf(overload), objectWidening))
                {
                    return overload.ToString();
                }
            }
        }

        return null;
    }

    // new S() of a struct without a declared constructor is zero-initialisation (initobj), not a call.
    private static bool IsImplicitStructConstructor(ISymbol member) =>
        member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true, Parameters.IsEmpty: true, ContainingType.IsValueType: true };

    private string MissingMessage(ISymbol symbol, string id, IEnumerable<string>? candidates = null)
    {
        var display = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var overloads = (candidates ?? []).Select(MemberId.Parse).OfType<MemberId>().SelectMany(surface.OverloadsOf).Select(o => o.Signature).Distinct().ToList();
        if (overloads.Count > 0)
        {
            return $"{display}: this overload is not in {surface.PackageNames}; nanoFramework has only {string.Join(", ", overloads)} (there C# would bind one of those, through a possibly lossy conversion, or fail)";
        }

        return surface.UndeclaredPackageListing(id) is { } package
            ? $"{display} is in {package}, which this project's packages.config does not declare"
            : $"{display} is not in the nanoFramework API of {surface.PackageNames}";
    }
}
