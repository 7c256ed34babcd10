using System.Text;
using System.Text.Json;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The ESP32 reader (firmware/ThermalMonitor.Device/Board/NanoJsonConfigReader.cs) step for step on
/// the host: members in the checker's order, every shape but a 32-bit whole number taken from
/// <see cref="ConfigJsonChecker"/> (strings too), and only those numbers parsed by a library as the one-member
/// object <c>{"name":value}</c> — here System.Text.Json stands in for nanoFramework.Json, which has no
/// host build. Keep it in step with the device reader: it is how the device reader's routing is
/// tested in <c>dotnet test</c>.
/// </summary>
internal sealed class CheckerWalkReader : IConfigDocumentReader
{
    private const int ArrayItemsMax = 64;

    private readonly long[] items = new long[ArrayItemsMax];

    public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
    {
        for (int i = 0; i < checkedDocument.MemberCount; i++)
        {
            string name = checkedDocument.Name(i);
            if (checkedDocument.IsRepeat(i))
            {
                builder.Repeated(name);
                continue;
            }

            JsonShape shape = checkedDocument.Shape(i);
            if (shape == JsonShape.Array)
            {
                int count = checkedDocument.ArrayItems(i, items, out JsonShape oddItem);
                if (oddItem != JsonShape.None)
                {
                    builder.WrongType(name, "an array holding " + ConfigDocumentBuilder.Describe(oddItem));
                }
                else
                {
                    builder.SetIntegerArray(name, items, count);
                }
            }
            else if (shape == JsonShape.Integer)
            {
                long whole = checkedDocument.IntegerValue(i);
                if (whole < int.MinValue || whole > int.MaxValue)
                {
                    builder.SetInteger(name, whole);
                }
                else
                {
                    ReadWithLibrary(checkedDocument, i, name, builder);
                }
            }
            else if (shape == JsonShape.String)
            {
                builder.SetString(name, checkedDocument.StringValue(i));
            }
            else
            {
                builder.WrongType(name, ConfigDocumentBuilder.Describe(shape));
            }
        }
    }

    private static void ReadWithLibrary(ConfigJsonChecker checkedDocument, int index, string name, ConfigDocumentBuilder builder)
    {
        int start = checkedDocument.NameStart(index);
        string member = Encoding.UTF8.GetString(checkedDocument.Bytes, start, checkedDocument.ValueEnd(index) - start);
        using JsonDocument document = JsonDocument.Parse("{" + member + "}");
        JsonElement value = document.RootElement.EnumerateObject().Single().Value;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int whole))
        {
            builder.SetInteger(name, whole);
        }
        else
        {
            throw new InvalidDataException($"member {index} ({member}) should never reach the library");
        }
    }
}
