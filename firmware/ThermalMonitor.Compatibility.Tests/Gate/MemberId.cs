namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// A member's documentation-comment ID taken apart: "M:System.String.Format(System.String,System.Object[])"
/// is kind M, container System.String, name Format and two parameter types. The gate compares
/// parameter types as ID text, so it never needs the nanoFramework assemblies themselves.
/// </summary>
internal sealed record MemberId(char Kind, string Container, string Name, IReadOnlyList<string>? Parameters, string Suffix)
{
    /// <summary>Parameter type IDs; empty both for "()" and for IDs written without parentheses.</summary>
    public IReadOnlyList<string> ParameterTypes => Parameters ?? [];

    /// <summary>What all overloads of this member share: "M:System.Math.Abs".</summary>
    public string OverloadKey => $"{Kind}:{Container}.{Name}";

    /// <summary>"Abs(System.Int64)", for messages.</summary>
    public string Signature => Parameters is null ? Name : $"{Name}({string.Join(',', Parameters)})";

    /// <summary>Parses M:, P:, F: and E: IDs; null for type (T:) IDs and anything else.</summary>
    public static MemberId? Parse(string id)
    {
        if (id.Length < 3 || id[1] != ':' || "MPFE".IndexOf(id[0], StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var open = id.IndexOf('(', StringComparison.Ordinal);
        var head = open < 0 ? SplitSuffix(id[2..]).Head : id[2..open];
        var dot = head.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        if (open < 0)
        {
            return new MemberId(id[0], head[..dot], head[(dot + 1)..], null, SplitSuffix(id[2..]).Suffix);
        }

        var close = MatchingParenthesis(id, open);
        return new MemberId(id[0], head[..dot], head[(dot + 1)..], SplitParameters(id[(open + 1)..close]), id[(close + 1)..]);
    }

    /// <summary>The same member declared on another type (for members inherited on .NET but declared lower on nanoFramework, or vice versa).</summary>
    public MemberId WithContainer(string container) => this with { Container = container };

    public override string ToString() => $"{OverloadKey}{(Parameters is null ? "" : $"({string.Join(',', Parameters)})")}{Suffix}";

    // Conversion operators end in "~ReturnType".
    private static (string Head, string Suffix) SplitSuffix(string text)
    {
        var tilde = text.IndexOf('~', StringComparison.Ordinal);
        return tilde < 0 ? (text, "") : (text[..tilde], text[tilde..]);
    }

    private static int MatchingParenthesis(string id, int open)
    {
        var depth = 0;
        for (var i = open; i < id.Length; i++)
        {
            depth += id[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unbalanced parentheses in '{id}'");
    }

    // Commas also occur inside generic arguments {..} and array bounds [0:,0:]: split at depth 0 only.
    private static List<string> SplitParameters(string list)
    {
        var parameters = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] switch { '{' or '[' or '(' => 1, '}' or ']' or ')' => -1, _ => 0 };
            if (list[i] == ',' && depth == 0)
            {
                parameters.Add(list[start..i]);
                start = i + 1;
            }
        }

        if (list.Length > 0)
        {
            parameters.Add(list[start..]);
        }

        return parameters;
    }
}
