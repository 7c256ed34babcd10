using Xunit.Abstractions;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// A device case's name as theory data. Serializable, so every case is its own entry in test
/// explorers and TRX files; shown by <see cref="ToString"/> in full (xunit cuts string arguments
/// after 50 characters).
/// </summary>
public sealed class DeviceCaseName : IXunitSerializable
{
    public DeviceCaseName()
    {
    }

    public DeviceCaseName(string name)
    {
        Name = name;
    }

    public string Name { get; private set; }

    public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;
}
