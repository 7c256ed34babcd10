namespace ThermalMonitor.Serial.Tests;

public sealed class SerialDevicesTests
{
    [Fact]
    public void Candidates_are_the_usb_serial_nodes_in_natural_order()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The names below are Linux's.
        }

        using var dir = new TempDir();
        foreach (string name in new[] { "ttyUSB10", "ttyUSB2", "ttyACM0", "ttyS0", "tty1", "null" })
        {
            File.WriteAllText(dir.File(name), "");
        }

        var candidates = SerialDevices.Candidates(dir.Path);

        Assert.Equal([dir.File("ttyACM0"), dir.File("ttyUSB2"), dir.File("ttyUSB10")], candidates);
    }

    [Fact]
    public void Candidates_on_this_machine_are_all_device_nodes_that_exist()
    {
        Assert.All(SerialDevices.Candidates(), path => Assert.True(File.Exists(path), path));
    }
}
