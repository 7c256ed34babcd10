using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>
/// One line from the board, checked and split (PROTOCOL.md): sequence number, message type, the
/// reference of the command it answers (replies only), the error code (ERR), key=value fields, and
/// the payload (the JSON of CFG, the free text of msg=).
/// </summary>
public sealed class BoardLine
{
    private const string MessagePrefix = WireField.Message + "=";

    private static readonly HashSet<string> ReplyTypes = [LinkDictionary.Ok, LinkDictionary.Err, LinkDictionary.Status, LinkDictionary.Config, LinkDictionary.Hello];

    private BoardLine(string text, int sequence, string type)
    {
        Text = text;
        Sequence = sequence;
        Type = type;
    }

    /// <summary>The line as received, without its line ending.</summary>
    public string Text { get; }

    public int Sequence { get; }

    public string Type { get; }

    /// <summary>Sequence number of the host command this answers; null when unsolicited or unknown ("-").</summary>
    public int? Reference { get; private set; }

    /// <summary>The error code of an ERR line (e.g. BAD_CHECKSUM).</summary>
    public string? ErrorCode { get; private set; }

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

    /// <summary>The JSON document of a CFG reply.</summary>
    public string? Payload { get; private set; }

    public bool IsReply => ReplyTypes.Contains(Type);

    public bool IsError => Type == LinkDictionary.Err;

    public string Field(string key) => Fields.TryGetValue(key, out string? value)
        ? value
        : throw new BoardProtocolException($"board line {Sequence} ({Type}) has no field '{key}': {Text}");

    public long LongField(string key) => long.TryParse(Field(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
        ? value
        : throw new BoardProtocolException($"board line {Sequence} ({Type}): field '{key}' is not a whole number: {Text}");

    public int IntField(string key) => checked((int)LongField(key));

    /// <summary>A field that may be "-" (no value): null then.</summary>
    public long? OptionalLongField(string key) => Field(key) == "-" ? null : LongField(key);

    /// <summary>Parses and checks one line (without its CR/LF); the error says what is wrong.</summary>
    public static bool TryParse(string text, out BoardLine? line, out string error)
    {
        line = null;
        int star = text.LastIndexOf('*');
        if (star < 0 || text.Length - star - 1 != 4)
        {
            error = "no '*XXXX' integrity check at the end";
            return false;
        }

        if (!int.TryParse(text.AsSpan(star + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int received))
        {
            error = "integrity check is not four hex digits";
            return false;
        }

        byte[] body = Encoding.ASCII.GetBytes(text[..star]);
        int expected = LineCrc.Compute(body, 0, body.Length);
        if (expected != received)
        {
            error = $"integrity check {received:X4} does not match the line ({expected:X4})";
            return false;
        }

        string content = text[..star];
        int firstSpace = content.IndexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : content.IndexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || !int.TryParse(content.AsSpan(0, firstSpace), NumberStyles.None, CultureInfo.InvariantCulture, out int sequence))
        {
            error = "no sequence number";
            return false;
        }

        string type = secondSpace < 0 ? content[(firstSpace + 1)..] : content[(firstSpace + 1)..secondSpace];
        var parsed = new BoardLine(text, sequence, type);
        string rest = secondSpace < 0 ? string.Empty : content[(secondSpace + 1)..];
        if (!parsed.ParseBody(rest, out error))
        {
            return false;
        }

        line = parsed;
        return true;
    }

    private bool ParseBody(string rest, out string error)
    {
        error = string.Empty;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Fields = fields;
        if (IsReply)
        {
            string referenceToken = NextToken(ref rest);
            if (referenceToken != "-")
            {
                if (!int.TryParse(referenceToken, NumberStyles.None, CultureInfo.InvariantCulture, out int reference))
                {
                    error = $"{Type} without a command reference";
                    return false;
                }

                Reference = reference;
            }
        }

        if (Type == LinkDictionary.Err)
        {
            ErrorCode = NextToken(ref rest);
        }

        if (Type == LinkDictionary.Config)
        {
            Payload = rest;
            return true;
        }

        while (rest.Length > 0)
        {
            if (rest.StartsWith(MessagePrefix, StringComparison.Ordinal))
            {
                // Free text runs to the end of the line.
                fields[WireField.Message] = rest[MessagePrefix.Length..];
                Payload = rest[MessagePrefix.Length..];
                break;
            }

            string token = NextToken(ref rest);
            int equals = token.IndexOf('=');
            if (equals > 0)
            {
                fields[token[..equals]] = token[(equals + 1)..];
            }
        }

        return true;
    }

    private static string NextToken(ref string rest)
    {
        rest = rest.TrimStart(' ');
        int space = rest.IndexOf(' ');
        string token = space < 0 ? rest : rest[..space];
        rest = space < 0 ? string.Empty : rest[(space + 1)..];
        return token;
    }

    public override string ToString() => Text;
}
