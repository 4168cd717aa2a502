namespace SupervisionCore.Host;

/// <summary>Start-up cannot go on; the message is one line naming the part and the reason.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message) : base(message) { }
    public StartupException() { }
    public StartupException(string message, Exception inner) : base(message, inner) { }
}
