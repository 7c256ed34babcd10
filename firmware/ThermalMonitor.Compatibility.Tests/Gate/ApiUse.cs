using Microsoft.CodeAnalysis;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>A reference from firmware code to something outside the firmware.</summary>
internal abstract record ApiUse(Location Location);

/// <summary>
/// A symbol the code binds to on .NET. Receiver: the static type of the instance a member is reached
/// through (inherited members may be listed on it). Shape: the arguments of a method call, for
/// matching nanoFramework overloads with optional or params parameters.
/// </summary>
internal sealed record SymbolUse(ISymbol Symbol, Location Location, ITypeSymbol? Receiver = null, CallShape? Shape = null) : ApiUse(Location);

/// <summary>A call the compiler emits for a language construct (lock, foreach, string +, ...), by its nanoFramework ID.</summary>
internal sealed record GeneratedUse(string Id, string Construct, Location Location) : ApiUse(Location);
