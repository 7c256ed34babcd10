using System.Collections;

namespace ThermalMonitor.Core.Tests.Memory;

/// <summary>
/// The heap model itself, on objects whose nanoCLR size is worked out by hand from the
/// interpreter's sources (see <see cref="NanoClrHeapModel"/>): 12-byte heap blocks, one header
/// block plus one block per instance field, arrays = 20-byte header + elements rounded up to blocks.
/// </summary>
public class NanoClrHeapModelTests
{
    [Fact]
    public void An_object_with_three_int_fields_is_a_header_block_plus_three_field_blocks()
    {
        // (1 + 3) · 12 = 48
        Assert.Equal(48, NanoClrHeapModel.Measure(new ThreeInts()).TotalBytes);
    }

    [Fact]
    public void Every_field_takes_a_whole_block_whatever_its_type()
    {
        // byte, bool, long, enum, DateTime: (1 + 5) · 12 = 72
        Assert.Equal(72, NanoClrHeapModel.Measure(new MixedFields()).TotalBytes);
    }

    [Fact]
    public void Inherited_fields_count_and_static_fields_do_not()
    {
        // ThreeInts' 3 + one of its own, the static ignored: (1 + 4) · 12 = 60
        Assert.Equal(60, NanoClrHeapModel.Measure(new DerivedWithStatic()).TotalBytes);
    }

    [Fact]
    public void A_byte_array_is_the_array_header_plus_one_byte_per_element_in_whole_blocks()
    {
        // 20 + 100 = 120 bytes = exactly 10 blocks
        Assert.Equal(120, NanoClrHeapModel.Measure(new byte[100]).TotalBytes);

        // 20 + 101 = 121 → 11 blocks = 132
        Assert.Equal(132, NanoClrHeapModel.Measure(new byte[101]).TotalBytes);
    }

    [Fact]
    public void An_int_array_is_the_array_header_plus_four_bytes_per_element_in_whole_blocks()
    {
        // 20 + 10 · 4 = 60 = 5 blocks
        Assert.Equal(60, NanoClrHeapModel.Measure(new int[10]).TotalBytes);

        // 20 + 0 = 20 → 2 blocks = 24
        Assert.Equal(24, NanoClrHeapModel.Measure(Array.Empty<int>()).TotalBytes);
    }

    [Fact]
    public void Primitive_element_sizes_follow_the_data_type_lookup()
    {
        Assert.Equal(24, NanoClrHeapModel.Measure(new bool[3]).TotalBytes);  // 20 + 3 = 23 → 24
        Assert.Equal(36, NanoClrHeapModel.Measure(new char[5]).TotalBytes);  // 20 + 10 = 30 → 36
        Assert.Equal(48, NanoClrHeapModel.Measure(new long[3]).TotalBytes);  // 20 + 24 = 44 → 48
        Assert.Equal(36, NanoClrHeapModel.Measure(new IntEnum[3]).TotalBytes); // underlying int: 20 + 12 = 32 → 36
        Assert.Equal(24, NanoClrHeapModel.Measure(new ByteEnum[3]).TotalBytes); // underlying byte: 20 + 3 → 24
    }

    [Fact]
    public void An_object_array_is_one_block_per_element_plus_each_distinct_element_once()
    {
        var shared = new ThreeInts();

        // array: 20 + 4 · 12 = 68 → 72; elements: two distinct ThreeInts of 48 (one of them twice, one null)
        object[] array = { shared, new ThreeInts(), shared, null! };
        HeapEstimate estimate = NanoClrHeapModel.Measure(array);
        Assert.Equal(72 + (2 * 48), estimate.TotalBytes);
        Assert.Equal((2, 96), estimate.ByType[typeof(ThreeInts).FullName!]);
        Assert.Equal(3, estimate.ObjectCount);
    }

    [Fact]
    public void A_reference_cycle_is_counted_once()
    {
        var node = new Node();
        node.Next = node;

        // (1 + 1) · 12
        Assert.Equal(24, NanoClrHeapModel.Measure(node).TotalBytes);
    }

    [Fact]
    public void A_struct_field_is_a_field_block_plus_a_boxed_instance()
    {
        // holder: (1 + 1) · 12 = 24; boxed Pair: (1 + 2) · 12 = 36
        Assert.Equal(60, NanoClrHeapModel.Measure(new PairHolder()).TotalBytes);
    }

    [Fact]
    public void A_struct_array_is_one_block_per_element_plus_a_boxed_instance_each()
    {
        // 20 + 2 · 12 = 44 → 48, plus 2 · 36
        Assert.Equal(48 + (2 * 36), NanoClrHeapModel.Measure(new Pair[2]).TotalBytes);
    }

    [Fact]
    public void A_string_is_a_header_block_plus_its_utf8_bytes_and_a_zero()
    {
        Assert.Equal(24, NanoClrHeapModel.Measure("sil").TotalBytes);          // 12 + 3 + 1 = 16 → 24
        Assert.Equal(24, NanoClrHeapModel.Measure("12345678901").TotalBytes);  // 12 + 11 + 1 = 24
        Assert.Equal(36, NanoClrHeapModel.Measure("123456789012").TotalBytes); // 12 + 12 + 1 = 25 → 36
        Assert.Equal(24, NanoClrHeapModel.Measure("µµµµ").TotalBytes);         // 8 UTF-8 bytes: 21 → 24
    }

    [Fact]
    public void An_empty_array_list_is_two_fields_and_four_object_slots()
    {
        // (1 + 2) · 12 = 36; object[4]: 20 + 48 = 68 → 72
        Assert.Equal(108, NanoClrHeapModel.Measure(new ArrayList()).TotalBytes);
    }

    [Fact]
    public void Types_it_cannot_model_fail_loudly_naming_where_they_are()
    {
        var withDelegate = Assert.Throws<NotSupportedException>(() => NanoClrHeapModel.Measure(new HoldsDelegate()));
        Assert.Contains("HoldsDelegate.Callback", withDelegate.Message, StringComparison.Ordinal);
        var withType = Assert.Throws<NotSupportedException>(() => NanoClrHeapModel.Measure(new HoldsType()));
        Assert.Contains("HoldsType.Kind", withType.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => NanoClrHeapModel.Measure(new HoldsList()));
        Assert.Throws<NotSupportedException>(() => NanoClrHeapModel.Measure(new int[2, 2]));
        Assert.Throws<NotSupportedException>(() => NanoClrHeapModel.Measure(new object[] { 42 }));
    }

#pragma warning disable CS0169, CS0649 // sized, never read: their values do not matter
    private enum IntEnum
    {
        A,
    }

    private enum ByteEnum : byte
    {
        A,
    }

    private class ThreeInts
    {
        public int A;
        public int B;
        public int C;
    }

    private sealed class DerivedWithStatic : ThreeInts
    {
        public static int Shared;
        public int D;
    }

    private sealed class MixedFields
    {
        public byte Small;
        public bool Flag;
        public long Big;
        public IntEnum Kind;
        public DateTime When;
    }

    private sealed class Node
    {
        public Node? Next;
    }

    private struct Pair
    {
        public int Left;
        public int Right;
    }

    private sealed class PairHolder
    {
        public Pair Value;
    }

    private sealed class HoldsDelegate
    {
        public Action Callback = () => { };
    }

    private sealed class HoldsType
    {
        public Type Kind = typeof(int);
    }

    private sealed class HoldsList
    {
        public List<int> Items = new();
    }
#pragma warning restore CS0169, CS0649
}
