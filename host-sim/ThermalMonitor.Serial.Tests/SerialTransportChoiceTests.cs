namespace ThermalMonitor.Serial.Tests;

/// <summary>Transport names, the platform default and the error messages (Linux here: both transports offered).</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class SerialTransportChoiceTests
{
    [Theory]
    [InlineData("termios", SerialTransport.Termios)]
    [InlineData("ports", SerialTransport.Ports)]
    [InlineData(" Ports ", SerialTransport.Ports)]
    [InlineData("TERMIOS", SerialTransport.Termios)]
    public void Names_parse_case_insensitively(string text, SerialTransport expected) =>
        Assert.Equal(expected, SerialTransports.Parse(text, "--serial-transport"));

    [Fact]
    public void A_bad_name_is_one_line_naming_the_source_and_the_accepted_names()
    {
        var ex = Assert.Throws<FormatException>(() => SerialTransports.Parse("usb", "--serial-transport"));

        Assert.Equal("--serial-transport 'usb': expected termios or ports", ex.Message);
    }

    [Fact]
    public void The_default_is_termios_off_Windows_and_both_are_offered()
    {
        Assert.False(OperatingSystem.IsWindows(), "these expectations are for Linux/macOS");
        Assert.Equal(SerialTransport.Termios, SerialTransports.Default);
        Assert.Equal(["termios", "ports"], SerialTransports.Names);
        Assert.Equal("ports", SerialTransports.Name(SerialTransport.Ports));
    }

    [Fact]
    public void The_option_wins_over_the_environment_variable_which_wins_over_the_default()
    {
        using var variable = new EnvironmentVariableScope(SerialTransports.EnvironmentVariable, "ports");

        Assert.Equal(SerialTransport.Termios, SerialTransports.Resolve("termios", "--serial-transport"));
        Assert.Equal(SerialTransport.Ports, SerialTransports.Resolve(null, "--serial-transport"));

        variable.Set("");
        Assert.Equal(SerialTransports.Default, SerialTransports.Resolve(null, "--serial-transport"));

        variable.Set("serial");
        var ex = Assert.Throws<FormatException>(() => SerialTransports.Resolve(null, "--serial-transport"));
        Assert.Equal("THERMAL_SERIAL_TRANSPORT 'serial': expected termios or ports", ex.Message);
    }
}

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "environment variables";
}

/// <summary>Sets an environment variable for a test and puts the old value back.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _old;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _old = Environment.GetEnvironmentVariable(name);
        Set(value);
    }

    public void Set(string? value) => Environment.SetEnvironmentVariable(_name, value);

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _old);
}
