using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Finds every reference from the firmware to outside it: type names in the syntax, members and
/// compiler-generated calls in the operation trees of all code bodies (methods, initializers,
/// attributes), and what declarations imply (base types, overridden members, implicit base
/// constructor calls, field-like event accessors).
/// </summary>
internal sealed class ApiUseCollector(FirmwareCompilation firmware)
{
    public IEnumerable<ApiUse> Collect()
    {
        foreach (var tree in firmware.Compilation.SyntaxTrees)
        {
            var model = firmware.Compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                if (TypeNamed(node, model) is { } type)
                {
                    yield return new SymbolUse(type, node.GetLocation());
                }

                // Each code body is one operation tree; its root is the only operation without a parent.
                if (model.GetOperation(node) is { Parent: null } root)
                {
                    foreach (var use in root.DescendantsAndSelf().SelectMany(FromOperation))
                    {
                        yield return use;
                    }
                }
            }
        }

        foreach (var use in SourceTypes(firmware.Compilation.Assembly.GlobalNamespace).SelectMany(FromDeclaration))
        {
            yield return use;
        }
    }

    private static ITypeSymbol? TypeNamed(SyntaxNode node, SemanticModel model) => node switch
    {
        SimpleNameSyntax or PredefinedTypeSyntax => model.GetSymbolInfo(node).Symbol switch
        {
            ITypeSymbol type => type,
            IAliasSymbol { Target: ITypeSymbol type } => type,
            _ => null,
        },
        NullableTypeSyntax or TupleTypeSyntax => model.GetTypeInfo(node).Type,
        _ => null,
    };

    private IEnumerable<ApiUse> FromOperation(IOperation operation)
    {
        var location = PreciseLocation(operation.Syntax);
        switch (operation)
        {
            case IInvocationOperation call:
                return [new SymbolUse(call.TargetMethod, location, call.Instance?.Type, CallShape.Of(call.TargetMethod, call.Arguments))];
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                return [new SymbolUse(constructor, location, null, CallShape.Of(constructor, creation.Arguments))];
            case IPropertyReferenceOperation property:
                return PropertyUses(property, location);
            case IFieldReferenceOperation field:
                return [new SymbolUse(field.Field, location, field.Instance?.Type)];
            case IEventReferenceOperation eventReference:
                return [new SymbolUse(eventReference.Event, location, eventReference.Instance?.Type)];
            case IEventAssignmentOperation { EventReference: IEventReferenceOperation target } assignment
                when (assignment.Adds ? target.Event.AddMethod : target.Event.RemoveMethod) is { } accessor:
                return [new SymbolUse(accessor, location, target.Instance?.Type)];
            case IMethodReferenceOperation method:
                return [new SymbolUse(method.Method, location, method.Instance?.Type)];
            case IDelegateCreationOperation { Type: INamedTypeSymbol delegateType } when !firmware.IsFirmware(delegateType):
                return [new GeneratedUse($"M:{delegateType.OriginalDefinition.GetDocumentationCommentId()![2..]}.#ctor(System.Object,System.IntPtr)", "creating a delegate", location)];
            case IBinaryOperation binary when LoweredCalls.IsStringConcatenation(binary):
                return LoweredCalls.IsPartOfLongerConcatenation(binary) ? [] : LoweredCalls.StringConcatenation(binary, [binary]);
            case IBinaryOperation { OperatorMethod: { } method } binary:
                return [new SymbolUse(method, location)];
            case IBinaryOperation binary:
                return LoweredCalls.BuiltInOperator(binary.OperatorKind, binary.LeftOperand, binary.RightOperand, binary);
            case ICompoundAssignmentOperation { OperatorMethod: { } method }:
                return [new SymbolUse(method, location)];
            case ICompoundAssignmentOperation append when LoweredCalls.IsStringAppend(append):
                return LoweredCalls.StringConcatenation(append, [append.Target, append.Value]);
            case ICompoundAssignmentOperation compound:
                return LoweredCalls.BuiltInOperator(compound.OperatorKind, compound.Target, compound.Value, compound);
            case IUnaryOperation { OperatorMethod: { } method }:
                return [new SymbolUse(method, location)];
            case IIncrementOrDecrementOperation { OperatorMethod: { } method }:
                return [new SymbolUse(method, location)];
            case IConversionOperation { OperatorMethod: { } method }:
                return [new SymbolUse(method, location)];
            case IInterpolatedStringOperation interpolation:
                return LoweredCalls.Interpolation(interpolation);
            case IForEachLoopOperation loop:
                return LoweredCalls.ForEach(loop);
            case IUsingOperation or IUsingDeclarationOperation:
                return [LoweredCalls.Dispose(operation)];
            case ILockOperation lockOperation:
                return LoweredCalls.Lock(lockOperation);
            case ISingleValueCaseClauseOperation caseClause:
                return LoweredCalls.StringConstantMatch(caseClause.Value, caseClause);
            case IConstantPatternOperation pattern:
                return LoweredCalls.StringConstantMatch(pattern.Value, pattern);
            case ITypeOfOperation typeOf:
                return [LoweredCalls.TypeOf(typeOf)];
            default:
                return [];
        }
    }

    // A property is a P: ID plus the accessor actually called: the getter when read, the setter when
    // written. A read-only property's list entry has no setter, so assigning it is caught.
    private static IEnumerable<ApiUse> PropertyUses(IPropertyReferenceOperation reference, Location location)
    {
        var receiver = reference.Instance?.Type;
        var (reads, writes) = reference.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Target == reference => (false, true),
            ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation => (true, true),
            _ => (true, false),
        };
        yield return new SymbolUse(reference.Property, location, receiver);
        if (reads && reference.Property.GetMethod is { } getter)
        {
            yield return new SymbolUse(getter, location, receiver);
        }

        if (writes && reference.Property.SetMethod is { } setter)
        {
            yield return new SymbolUse(setter, location, receiver);
        }
    }

    private IEnumerable<ApiUse> FromDeclaration(INamedTypeSymbol type)
    {
        var location = type.Locations[0];
        if (type.BaseType is { } baseType && !firmware.IsFirmware(baseType))
        {
            yield return new SymbolUse(baseType, location);
        }

        foreach (var member in type.GetMembers())
        {
            var memberLocation = member.Locations.FirstOrDefault(l => l.IsInSource) ?? location;
            if (SymbolFacts.Overridden(member) is { } overridden && !firmware.IsFirmware(overridden))
            {
                yield return new SymbolUse(overridden, memberLocation, type);
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor
                && type.TypeKind == TypeKind.Class
                && CallsBaseImplicitly(constructor)
                && type.BaseType?.InstanceConstructors.FirstOrDefault(c => c.Parameters.IsEmpty) is { } baseConstructor)
            {
                yield return new SymbolUse(baseConstructor, memberLocation, null, CallShape.NoArguments);
            }

            if (member is IEventSymbol && member.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax))
            {
                yield return LoweredCalls.CombineOrRemove(true, "field-like event", memberLocation);
                yield return LoweredCalls.CombineOrRemove(false, "field-like event", memberLocation);
            }
        }
    }

    // A constructor without ": base(...)" or ": this(...)" (or an implicit one) calls the base's parameterless constructor.
    private static bool CallsBaseImplicitly(IMethodSymbol constructor) =>
        constructor.IsImplicitlyDeclared
        || constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ConstructorDeclarationSyntax { Initializer: null });


    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
                {
                    yield return type;
                }

                foreach (var inner in SourceTypes(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    // Point at the member name of "a.b.C(...)" rather than at "a".
    private static Location PreciseLocation(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.GetLocation(),
        MemberAccessExpressionSyntax access => access.Name.GetLocation(),
        _ => syntax.GetLocation(),
    };
}
