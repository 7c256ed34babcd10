using System.Collections;
using System.Reflection;
using System.Text;

namespace ThermalMonitor.Core.Tests.Memory;

/// <summary>
/// Estimates the managed-heap bytes an object graph occupies on nanoCLR's 32-bit targets (the
/// ESP32 build), by walking the host object graph by reflection and sizing each object the way the
/// interpreter allocates it. Each object is counted once; static fields are not per object and are
/// skipped. Anything it cannot size faithfully (delegates, System.Type, generic or host-only
/// library types, multi-dimensional arrays, pointers) throws, naming where it was found.
/// </summary>
/// <remarks>
/// Sources (nanoframework/nf-interpreter at commit a3e8139a1ba778e33ca81b023099765eada6c456):
/// <list type="bullet">
/// <item><c>src/CLR/Include/nanoCLR_Runtime__HeapBlock.h</c>: <c>CLR_RT_HeapBlock</c> is the unit of
/// allocation; on 32-bit builds its raw image <c>CLR_RT_HeapBlock_Raw</c> is <c>CLR_UINT32 data[3]</c>
/// = 12 bytes (4-byte id/flags/size + 8-byte data union). <c>CLR_RT_HeapBlock_Array</c> adds
/// <c>m_numOfElements</c> (4) and four one-byte fields (4) = 20 bytes; elements start right after it
/// (<c>GetFirstElement</c> = <c>&amp;this[1]</c>). <c>HB_Object_Fields_Offset</c> = 1.</item>
/// <item><c>src/CLR/Core/Execution.cpp</c>, <c>CLR_RT_ExecutionEngine::NewObject</c>: a class or
/// value type gets <c>m_totalFields + HB_Object_Fields_Offset</c> heap blocks — one header block
/// plus one block per instance field, whatever the field's type (a <c>byte</c> and a <c>long</c>
/// both take a block); <c>InitializeReference</c> gives an enum field its underlying primitive
/// inline and allocates a separate boxed object for a (non-enum) struct field.
/// <c>ExtractHeapBlocksForArray</c>: an array takes
/// <c>CONVERTFROMSIZETOHEAPBLOCKS(sizeof(CLR_RT_HeapBlock_Array) + length · m_sizeInBytes)</c>
/// blocks, i.e. rounded up to whole 12-byte blocks (<c>src/HAL/Include/nanoHAL_Types.h</c>).</item>
/// <item><c>src/CLR/Core/TypeSystem.cpp</c>: <c>m_totalFields</c> sums <c>iFields_Num</c> over the
/// type and all its parents (inherited fields count).</item>
/// <item><c>src/CLR/Core/TypeSystemLookup.cpp</c>, <c>c_CLR_RT_DataTypeLookup</c>: element sizes —
/// bool/sbyte/byte 1, char/short/ushort 2, int/uint/float 4, long/ulong/double 8; string, class,
/// object, array and value-type elements a whole heap block (12) each.</item>
/// <item><c>src/CLR/Core/CLR_RT_HeapBlock_Array.cpp</c>, <c>ClearElements</c>: an array of a
/// (non-enum) struct also allocates one boxed object per element.</item>
/// <item><c>src/CLR/Core/CLR_RT_HeapBlock_String.cpp</c>, <c>CreateInstance(reference, length)</c>:
/// a string built at run time is a header block plus its UTF-8 bytes and a terminating zero,
/// rounded up to blocks. (A literal from the assembly takes only the header block; this model
/// sizes every string as if built at run time, an upper bound.)</item>
/// <item>nanoframework/CoreLibrary (commit 5942dc0ab1e479e62e87649bb976588549cdc94e)
/// <c>nanoFramework.CoreLibrary/System/Collections/ArrayList.cs</c>: fields <c>_items</c> and
/// <c>_size</c>; the constructor allocates <c>new Object[4]</c>. The host's ArrayList differs, so it
/// is sized from that source instead of by reflection.</item>
/// </list>
/// Not modelled, because the firmware's start-up graph has none: finalizers (an extra
/// <c>CLR_RT_HeapBlock_Finalizer</c>), locks, weak references, delegates, boxed values held as
/// <c>object</c>.
/// </remarks>
public static class NanoClrHeapModel
{
    /// <summary>sizeof(CLR_RT_HeapBlock) on a 32-bit target.</summary>
    public const int HeapBlockBytes = 12;

    /// <summary>sizeof(CLR_RT_HeapBlock_Array) on a 32-bit target: block + element count + 4 bytes of type info.</summary>
    public const int ArrayHeaderBytes = 20;

    /// <summary>The ArrayList constructor's first capacity (CoreLibrary ArrayList.DefaultCapacity).</summary>
    public const int ArrayListDefaultCapacity = 4;

    /// <summary>Bytes rounded up to whole heap blocks, as CONVERTFROMSIZETOHEAPBLOCKS does.</summary>
    public static int RoundToBlocks(int bytes) => (bytes + HeapBlockBytes - 1) / HeapBlockBytes * HeapBlockBytes;

    /// <summary>An instance of a class: header block + one block per instance field (inherited included).</summary>
    public static int ObjectBytes(Type type) => (1 + InstanceFields(type).Count) * HeapBlockBytes;

    /// <summary>A one-dimensional array, not counting what its elements refer to.</summary>
    public static int ArrayBytes(Type elementType, int length) => RoundToBlocks(ArrayHeaderBytes + (length * ElementBytes(elementType)));

    /// <summary>A string built at run time: header block + UTF-8 bytes + terminating zero.</summary>
    public static int StringBytes(string text) => RoundToBlocks(HeapBlockBytes + Encoding.UTF8.GetByteCount(text) + 1);

    /// <summary>Walks everything reachable from <paramref name="root"/> through instance fields and array elements.</summary>
    public static HeapEstimate Measure(object root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var walk = new Walk();
        walk.Visit(root, root.GetType().Name);
        walk.Drain();
        return walk.Estimate;
    }

    /// <summary>Size of one array element in bytes (c_CLR_RT_DataTypeLookup's m_sizeInBytes).</summary>
    public static int ElementBytes(Type elementType)
    {
        Type type = elementType.IsEnum ? Enum.GetUnderlyingType(elementType) : elementType;
        if (type == typeof(bool) || type == typeof(byte) || type == typeof(sbyte))
        {
            return 1;
        }

        if (type == typeof(char) || type == typeof(short) || type == typeof(ushort))
        {
            return 2;
        }

        if (type == typeof(int) || type == typeof(uint) || type == typeof(float))
        {
            return 4;
        }

        if (type == typeof(long) || type == typeof(ulong) || type == typeof(double))
        {
            return 8;
        }

        RequireModellable(type, "array element type");
        return HeapBlockBytes; // string, class, array, DateTime/TimeSpan or struct: one block per element
    }

    private static List<FieldInfo> InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (Type? level = type; level is not null && level != typeof(object) && level != typeof(ValueType); level = level.BaseType)
        {
            fields.AddRange(level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }

        return fields;
    }

    /// <summary>True for a struct that nanoCLR boxes into its own heap object (not a primitive, enum, DateTime or TimeSpan).</summary>
    private static bool IsBoxedStruct(Type type) =>
        type.IsValueType && !type.IsPrimitive && !type.IsEnum && type != typeof(DateTime) && type != typeof(TimeSpan);

    private static void RequireModellable(Type type, string where)
    {
        string? why = null;
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            why = "delegates have their own heap layout (DATATYPE_DELEGATE_HEAD)";
        }
        else if (typeof(MemberInfo).IsAssignableFrom(type))
        {
            why = "System.Type and reflection objects are runtime metadata, not heap objects of this shape";
        }
        else if (type.IsGenericType || type.IsGenericTypeDefinition)
        {
            why = "the firmware uses no generics; this is a host-only type";
        }
        else if (type.IsPointer || type == typeof(IntPtr) || type == typeof(UIntPtr) || type == typeof(decimal))
        {
            why = "nanoCLR has no such field type here";
        }
        else if (type.IsArray && type.GetArrayRank() != 1)
        {
            why = "multi-dimensional arrays are not supported on nanoFramework";
        }

        if (why is not null)
        {
            throw new NotSupportedException($"Cannot size {type.FullName} ({where}): {why}.");
        }
    }

    private sealed class Walk
    {
        private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<(object Instance, string Path, string? Owner)> pending = new();

        public HeapEstimate Estimate { get; } = new HeapEstimate();

        /// <param name="owner">The field holding it ("Type.field"), shown with arrays in the breakdown.</param>
        public void Visit(object? instance, string path, string? owner = null)
        {
            if (instance is not null && seen.Add(instance))
            {
                pending.Push((instance, path, owner));
            }
        }

        public void Drain()
        {
            while (pending.Count > 0)
            {
                (object instance, string path, string? owner) = pending.Pop();
                Size(instance, path, owner);
            }
        }

        private void Size(object instance, string path, string? owner)
        {
            Type type = instance.GetType();
            RequireModellable(type, path);
            if (instance is string text)
            {
                Estimate.Add("string", StringBytes(text));
            }
            else if (instance is ArrayList list)
            {
                SizeArrayList(list, path);
            }
            else if (instance is Array array)
            {
                SizeArray(array, path, owner);
            }
            else if (type.IsValueType)
            {
                throw new NotSupportedException($"Cannot size a boxed {type.FullName} held as object ({path}).");
            }
            else
            {
                RequireFirmwareType(type, path);
                Estimate.Add(Name(type), ObjectBytes(type));
                VisitFields(instance, type, path);
            }
        }

        private void SizeArrayList(ArrayList list, string path)
        {
            if (list.GetType() != typeof(ArrayList))
            {
                throw new NotSupportedException($"Cannot size {list.GetType().FullName} ({path}): only ArrayList itself is modelled.");
            }

            // nanoFramework's ArrayList: two fields, and an object[] that starts at 4 and grows natively.
            Estimate.Add("System.Collections.ArrayList", (1 + 2) * HeapBlockBytes);
            int capacity = Math.Max(ArrayListDefaultCapacity, list.Capacity);
            Estimate.Add("object[] (ArrayList items)", ArrayBytes(typeof(object), capacity));
            for (int i = 0; i < list.Count; i++)
            {
                Visit(list[i], $"{path}[{i}]");
            }
        }

        private void SizeArray(Array array, string path, string? owner)
        {
            Type elementType = array.GetType().GetElementType()!;
            string label = owner is null ? Name(array.GetType()) : $"{Name(array.GetType())} in {owner}";
            Estimate.Add(label, ArrayBytes(elementType, array.Length));
            if (elementType.IsPrimitive || elementType.IsEnum)
            {
                return;
            }

            for (int i = 0; i < array.Length; i++)
            {
                object? element = array.GetValue(i);
                if (IsBoxedStruct(elementType))
                {
                    // ClearElements allocates a boxed instance behind every element block.
                    SizeStruct(element!, elementType, $"{path}[{i}]");
                }
                else if (!elementType.IsValueType)
                {
                    Visit(element, $"{path}[{i}]");
                }
            }
        }

        private void SizeStruct(object boxed, Type type, string path)
        {
            RequireModellable(type, path);
            Estimate.Add(Name(type) + " (boxed struct)", ObjectBytes(type));
            VisitFields(boxed, type, path);
        }

        private void VisitFields(object instance, Type type, string path)
        {
            foreach (FieldInfo field in InstanceFields(type))
            {
                Type fieldType = field.FieldType;
                string fieldPath = $"{path}.{field.Name}";
                RequireModellable(fieldType, fieldPath);
                if (fieldType.IsPrimitive || fieldType.IsEnum || fieldType == typeof(DateTime) || fieldType == typeof(TimeSpan))
                {
                    continue; // held inside the field's own block
                }

                object? value = field.GetValue(instance);
                if (IsBoxedStruct(fieldType))
                {
                    SizeStruct(value!, fieldType, fieldPath);
                }
                else
                {
                    Visit(value, fieldPath, $"{field.DeclaringType!.Name}.{field.Name}");
                }
            }
        }

        /// <summary>Library types other than string, arrays and ArrayList have a different layout on nanoCLR.</summary>
        private static void RequireFirmwareType(Type type, string path)
        {
            string? ns = type.Namespace;
            if (ns is not null && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)))
            {
                throw new NotSupportedException($"Cannot size {type.FullName} ({path}): a host library type whose nanoFramework layout is not modelled.");
            }
        }
    }

    private static string Name(Type type) =>
        type.IsArray ? Name(type.GetElementType()!) + "[]" : type.IsPrimitive || type == typeof(string) ? type.Name : type.FullName ?? type.Name;
}

/// <summary>Total bytes and the per-type breakdown of one graph.</summary>
public sealed class HeapEstimate
{
    private readonly Dictionary<string, (int Objects, int Bytes)> byType = new();

    public int TotalBytes { get; private set; }

    public int ObjectCount { get; private set; }

    public IReadOnlyDictionary<string, (int Objects, int Bytes)> ByType => byType;

    /// <summary>Types by bytes, largest first.</summary>
    public IEnumerable<(string Type, int Objects, int Bytes)> TopConsumers() =>
        byType.OrderByDescending(entry => entry.Value.Bytes).ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => (entry.Key, entry.Value.Objects, entry.Value.Bytes));

    internal void Add(string type, int bytes)
    {
        byType.TryGetValue(type, out (int Objects, int Bytes) entry);
        byType[type] = (entry.Objects + 1, entry.Bytes + bytes);
        TotalBytes += bytes;
        ObjectCount++;
    }
}
