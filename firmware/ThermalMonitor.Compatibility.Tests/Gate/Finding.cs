using Microsoft.CodeAnalysis;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>One gate violation: where, which rule, which symbol (documentation-comment ID where there is one) and why.</summary>
internal sealed record Finding(string File, int Line, int Column, string RuleId, string SymbolId, string Message)
{
    /// <summary>A finding at a source location; syntax trees carry repository-relative paths, so this prints as one.</summary>
    public static Finding At(Location location, string ruleId, string symbolId, string message)
    {
        var span = location.GetLineSpan();
        return new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, ruleId, symbolId, message);
    }

    public override string ToString() => $"{File}:{Line}:{Column}: {RuleId} {SymbolId}: {Message}";
}
