namespace ThermalMonitor.Serial;

/// <summary>
/// The device behind a serial link went away: a USB adapter was pulled, a pseudo-terminal's other
/// side closed, or the driver reported an error. The link is unusable; reopen the device (or use
/// <see cref="ReconnectingSerialLink"/>, which does that).
/// </summary>
public sealed class SerialLinkLostException : IOException
{
    /// <summary>Creates the exception with a message naming the device and the reason.</summary>
    /// <param name="devicePath">The device that was lost, e.g. <c>/dev/ttyUSB0</c>.</param>
    /// <param name="reason">Why, e.g. <c>read failed: Input/output error (EIO)</c>.</param>
    /// <param name="innerException">The error that revealed the loss, if any.</param>
    public SerialLinkLostException(string devicePath, string reason, Exception? innerException)
        : base($"serial link to '{devicePath}' lost: {reason}", innerException)
    {
        DevicePath = devicePath;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message naming the device and the reason.</summary>
    public SerialLinkLostException(string devicePath, string reason)
        : this(devicePath, reason, null)
    {
    }

    /// <summary>The device that was lost.</summary>
    public string DevicePath { get; }

    /// <summary>Why the link counts as lost (includes the errno name when there was one).</summary>
    public string Reason { get; }
}
