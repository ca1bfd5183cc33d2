namespace Safeguard.Common;

/// <summary>A setting that is missing or malformed. The message names the setting and what is expected.</summary>
public sealed class SafeguardConfigurationException : Exception
{
    public SafeguardConfigurationException()
    {
    }

    public SafeguardConfigurationException(string message)
        : base(message)
    {
    }

    public SafeguardConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
