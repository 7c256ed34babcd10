namespace ThermalMonitor.Link;

/// <summary>The board said something the host cannot use, or did not answer; the message says what and which line.</summary>
public sealed class BoardProtocolException(string message) : Exception(message);
